// Drives the Hamgam Sheets emulator with the official googleapis package and prints what it saw as JSON.
// Inputs (environment): SHEETS_ROOT_URL, SHEETS_KEY_FILE (service-account key), SHEETS_SPREADSHEET_ID.
import { readFileSync } from 'node:fs';
import { google } from 'googleapis';

const rootUrl = process.env.SHEETS_ROOT_URL;
const spreadsheetId = process.env.SHEETS_SPREADSHEET_ID;
const key = JSON.parse(readFileSync(process.env.SHEETS_KEY_FILE, 'utf8'));

// googleapis sends its JWT grant to Google's fixed token URL, so it signs its own access token
// (a self-signed JWT, which Google also accepts); the emulator verifies it against the key it issued.
const auth = new google.auth.JWT({
  email: key.client_email,
  key: key.private_key,
  keyId: key.private_key_id,
  scopes: ['https://www.googleapis.com/auth/spreadsheets'],
});
auth.useJWTAccessWithScope = true;

const sheets = google.sheets({ version: 'v4', auth, rootUrl });
const noRetry = { retry: false };
const seen = {};
const tab = 'گزارش روزانه';
const range = `'${tab}'!A1`;

const added = await sheets.spreadsheets.batchUpdate({
  spreadsheetId,
  requestBody: { requests: [{ addSheet: { properties: { title: tab, gridProperties: { rowCount: 20, columnCount: 5 } } } }] },
});
seen.addedTitle = added.data.replies[0].addSheet.properties.title;

const written = await sheets.spreadsheets.values.update({
  spreadsheetId,
  range,
  valueInputOption: 'RAW',
  requestBody: { values: [['تاریخ', 'یادداشت'], ['1404-01-01', '=HYPERLINK("x")']] },
});
seen.updatedRange = written.data.updatedRange;
seen.updatedCells = written.data.updatedCells;

const read = await sheets.spreadsheets.values.get({ spreadsheetId, range: `'${tab}'!A1:E20` });
seen.readRange = read.data.range;
seen.readValues = read.data.values;

const cleared = await sheets.spreadsheets.values.clear({ spreadsheetId, range: `'${tab}'!A2:B2` });
seen.clearedRange = cleared.data.clearedRange;
const afterClear = await sheets.spreadsheets.values.get({ spreadsheetId, range: `'${tab}'!A2:B2` });
seen.afterClearHasValues = 'values' in afterClear.data;

try {
  await sheets.spreadsheets.values.get({ spreadsheetId, range: 'NoSuchTab!A1' }, noRetry);
  seen.badRange = { status: 200 };
} catch (e) {
  seen.badRange = { status: e.status ?? e.response?.status, message: e.response?.data?.error?.message };
}

for (let i = 0; i < 100; i++) {
  try {
    await sheets.spreadsheets.get({ spreadsheetId, fields: 'spreadsheetId' }, noRetry);
  } catch (e) {
    const error = e.response?.data?.error;
    seen.quota = { afterReads: i, status: e.status ?? e.response?.status, googleStatus: error?.status, limit: error?.details?.[0]?.metadata?.quota_limit };
    break;
  }
}

console.log(JSON.stringify(seen));
