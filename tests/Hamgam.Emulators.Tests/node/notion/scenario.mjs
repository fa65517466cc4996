// Drives the Notion emulator with the official SDK and prints a JSON summary of what the SDK saw.
import { Client, APIResponseError, collectPaginatedAPI } from "@notionhq/client";

const baseUrl = process.env.NOTION_BASE_URL.replace(/\/$/, "");
const auth = process.env.NOTION_TOKEN;
const rootPageId = process.env.NOTION_ROOT_PAGE_ID;
const notionVersion = "2026-03-11";
const notion = new Client({ auth, baseUrl, notionVersion, logLevel: "error" });
const strict = new Client({ auth, baseUrl, notionVersion, retry: false, logLevel: "error" });

const text = (content) => [{ type: "text", text: { content } }];
const summary = {};

async function expectError(call) {
  try {
    await call();
    return null;
  } catch (error) {
    if (!APIResponseError.isAPIResponseError(error)) throw error;
    return { status: error.status, code: error.code, message: error.message, request_id: error.request_id ?? null,
      retry_after: error.headers?.get?.("retry-after") ?? null };
  }
}

async function queryAll(dataSourceId, body) {
  const pages = [];
  let cursor;
  let requests = 0;
  do {
    const response = await notion.dataSources.query({ data_source_id: dataSourceId, page_size: 25, ...body, start_cursor: cursor });
    requests++;
    pages.push(...response.results);
    cursor = response.has_more ? response.next_cursor : undefined;
    if (response.object !== "list" || response.type !== "page_or_data_source") throw new Error("unexpected list shape");
  } while (cursor);
  return { pages, requests };
}

const me = await notion.users.me({});
summary.me = { object: me.object, type: me.type };

const projectsDb = await notion.databases.create({
  parent: { type: "page_id", page_id: rootPageId },
  title: text("Projects"),
  initial_data_source: { properties: { Name: { title: {} }, Area: { select: { options: [{ name: "Work" }] } } } },
});
const projectsDs = projectsDb.data_sources[0].id;
const tasksDb = await notion.databases.create({
  parent: { type: "page_id", page_id: rootPageId },
  title: text("Tasks"),
  initial_data_source: {
    properties: {
      Name: { title: {} },
      Status: { status: { options: [{ name: "Not started", color: "default" }, { name: "In progress", color: "blue" }, { name: "Done", color: "green" }] } },
      Context: { multi_select: { options: [{ name: "Home" }, { name: "Office" }] } },
      Importance: { select: { options: [{ name: "High", color: "red" }, { name: "Low", color: "gray" }] } },
      "Due Date": { date: {} },
      "Quick Win": { checkbox: {} },
      Estimate: { number: { format: "number" } },
      Notes: { rich_text: {} },
      Link: { url: {} },
      Contact: { email: {} },
      Phone: { phone_number: {} },
      "Related Project": { relation: { data_source_id: projectsDs, type: "dual_property", dual_property: {} } },
    },
  },
});
const tasksDs = tasksDb.data_sources[0].id;
const schema = await notion.dataSources.retrieve({ data_source_id: tasksDs });
summary.schema = { object: schema.object, propertyCount: Object.keys(schema.properties).length,
  hasSyncedRelation: Object.values((await notion.dataSources.retrieve({ data_source_id: projectsDs })).properties).some((p) => p.type === "relation") };

const projectIds = [];
for (let i = 0; i < 30; i++) {
  const project = await notion.pages.create({ parent: { data_source_id: projectsDs }, properties: { Name: { title: text(`Project ${i}`) } } });
  projectIds.push(project.id);
}

const statuses = ["Not started", "In progress", "Done"];
let created = 0;
let firstTask;
for (let i = 0; i < 120; i++) {
  const page = await notion.pages.create({
    parent: { data_source_id: tasksDs },
    properties: {
      Name: { title: text(`Task ${i}`) },
      Status: { status: { name: statuses[i % 3] } },
      Context: { multi_select: i % 2 === 0 ? [{ name: "Home" }] : [{ name: "Office" }, { name: "Errand" }] },
      Importance: { select: { name: i % 4 === 0 ? "High" : "Low" } },
      "Due Date": { date: { start: `2026-07-${String((i % 28) + 1).padStart(2, "0")}` } },
      "Quick Win": { checkbox: i % 5 === 0 },
      Estimate: { number: 120 - i },
      Notes: { rich_text: [{ type: "text", text: { content: `note ${i}` }, annotations: { bold: i % 2 === 0 } }] },
      Link: { url: `https://example.com/${i}` },
      Contact: { email: `user${i}@example.com` },
      Phone: { phone_number: "+98 21 1234 5678" },
      "Related Project": { relation: i === 0 ? projectIds.map((id) => ({ id })) : [{ id: projectIds[i % 30] }] },
    },
  });
  firstTask ??= page;
  created++;
}
summary.created = created;
summary.firstTask = {
  object: firstTask.object, parentType: firstTask.parent.type, createdTime: firstTask.created_time,
  statusName: firstTask.properties.Status.status.name, errandCreated: false,
  relationShown: firstTask.properties["Related Project"].relation.length, relationHasMore: firstTask.properties["Related Project"].has_more,
  bold: firstTask.properties.Notes.rich_text[0].annotations.bold, plainText: firstTask.properties.Notes.rich_text[0].plain_text,
  date: firstTask.properties["Due Date"].date,
};
const errandSchema = await notion.dataSources.retrieve({ data_source_id: tasksDs });
summary.firstTask.errandCreated = errandSchema.properties.Context.multi_select.options.some((o) => o.name === "Errand");

const all = await queryAll(tasksDs, {});
summary.queryAll = { count: all.pages.length, requests: all.requests, distinct: new Set(all.pages.map((p) => p.id)).size };
const inProgress = await queryAll(tasksDs, { filter: { property: "Status", status: { equals: "In progress" } } });
const quickHome = await queryAll(tasksDs, {
  filter: { and: [{ property: "Quick Win", checkbox: { equals: true } }, { or: [{ property: "Context", multi_select: { contains: "Home" } }, { property: "Importance", select: { equals: "High" } }] }] },
});
const dueLate = await queryAll(tasksDs, { filter: { property: "Due Date", date: { on_or_after: "2026-07-20" } } });
const notes = await queryAll(tasksDs, { filter: { property: "Notes", rich_text: { contains: "note 1" } } });
const recent = await queryAll(tasksDs, { filter: { timestamp: "last_edited_time", last_edited_time: { past_week: {} } } });
const sorted = await queryAll(tasksDs, { sorts: [{ property: "Estimate", direction: "ascending" }] });
const estimates = sorted.pages.map((p) => p.properties.Estimate.number);
summary.filters = {
  inProgress: inProgress.pages.length,
  quickHome: quickHome.pages.length,
  dueLate: dueLate.pages.length,
  notes: notes.pages.length,
  recent: recent.pages.length,
  sortedAscending: estimates.every((v, i) => i === 0 || estimates[i - 1] <= v),
  sortedCount: estimates.length,
};
const limited = await notion.dataSources.query({ data_source_id: tasksDs, page_size: 5, filter_properties: ["title"] });
summary.filterProperties = Object.keys(limited.results[0].properties);

const target = all.pages.find((p) => p.properties.Name.title[0].plain_text === "Task 7");
const updated = await notion.pages.update({ page_id: target.id, properties: { Status: { status: { name: "Done" } }, Estimate: { number: null }, Notes: { rich_text: [] } } });
summary.update = { status: updated.properties.Status.status.name, estimate: updated.properties.Estimate.number, notes: updated.properties.Notes.rich_text.length };
const trashed = await notion.pages.update({ page_id: target.id, in_trash: true });
const afterTrash = await queryAll(tasksDs, {});
const updateTrashed = await expectError(() => strict.pages.update({ page_id: target.id, properties: { Estimate: { number: 1 } } }));
const restored = await notion.pages.update({ page_id: target.id, in_trash: false });
const afterRestore = await queryAll(tasksDs, {});
summary.trash = { inTrash: trashed.in_trash, hasArchivedKey: "archived" in trashed, countAfterTrash: afterTrash.pages.length,
  updateTrashed, restored: restored.in_trash, countAfterRestore: afterRestore.pages.length };

const retrieved = await notion.pages.retrieve({ page_id: firstTask.id });
const relationId = retrieved.properties["Related Project"].id;
const items = [];
let cursor;
do {
  const response = await notion.pages.properties.retrieve({ page_id: firstTask.id, property_id: relationId, page_size: 10, start_cursor: cursor });
  items.push(...response.results);
  cursor = response.has_more ? response.next_cursor : undefined;
} while (cursor);
summary.relation = { shown: retrieved.properties["Related Project"].relation.length, hasMore: retrieved.properties["Related Project"].has_more,
  full: items.length, distinct: new Set(items.map((i) => i.relation.id)).size, itemType: items[0].type };

summary.badFilter = await expectError(() => strict.dataSources.query({ data_source_id: tasksDs, filter: { property: "Nope", checkbox: { equals: true } } }));
summary.badStatus = await expectError(() => strict.pages.update({ page_id: target.id, properties: { Status: { status: { name: "Nonexistent" } } } }));
summary.notFound = await expectError(() => strict.pages.retrieve({ page_id: "00000000-0000-4000-8000-000000000000" }));

// Search (in_trash since SDK 5.23.2): the trash newest first, titles across cursors, data sources, errors; then a move.
const searchTarget = all.pages.find((p) => p.properties.Name.title[0].plain_text === "Task 8");
await notion.pages.update({ page_id: searchTarget.id, in_trash: true });
const trashSearch = await notion.search({
  filter: { property: "object", value: "page", in_trash: true },
  sort: { timestamp: "last_edited_time", direction: "descending" },
});
const trashShort = await notion.search({ filter: { in_trash: true } });
const byTitle = await collectPaginatedAPI(notion.search, { query: "task 1", filter: { property: "object", value: "page" }, page_size: 3 });
const dataSources = await notion.search({ filter: { property: "object", value: "data_source" } });
const moved = await notion.pages.move({ page_id: target.id, parent: { type: "data_source_id", data_source_id: projectsDs } });
const afterMove = await queryAll(tasksDs, {});
summary.search = {
  object: trashSearch.object, type: trashSearch.type, typeObject: JSON.stringify(trashSearch.page_or_data_source),
  trashIds: trashSearch.results.map((r) => r.id), expectedTrashId: searchTarget.id,
  trashInTrash: trashSearch.results[0]?.in_trash, trashParentIsTasks: trashSearch.results[0]?.parent?.data_source_id === tasksDs,
  shortCount: trashShort.results.length,
  byTitle: byTitle.length, byTitleDistinct: new Set(byTitle.map((r) => r.id)).size,
  dataSourceObjects: [...new Set(dataSources.results.map((r) => r.object))], dataSourceCount: dataSources.results.length,
  badFilter: await expectError(() => strict.search({ filter: { property: "object", value: "database" } })),
  badSort: await expectError(() => strict.search({ sort: { timestamp: "created_time", direction: "descending" } })),
  movedParentIsProjects: moved.parent.data_source_id === projectsDs, countAfterMove: afterMove.pages.length,
};

let rateLimited = null;
for (let i = 0; i < 1000 && !rateLimited; i++) {
  rateLimited = await expectError(() => strict.users.me({}));
}
summary.rateLimited = rateLimited;

console.log(JSON.stringify(summary));
