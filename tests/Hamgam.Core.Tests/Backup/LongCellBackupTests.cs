using System.Text;
using Hamgam.Core.Backup;
using Hamgam.Core.Backup.Restore;
using Hamgam.Core.Data;
using Hamgam.Sheets;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Tests.Backup;

/// <summary>Texts longer than a Sheets cell (50,000 characters) survive a backup and a restore exactly.</summary>
public sealed class LongCellBackupTests
{
    [Theory, OnAllDatabases]
    public async Task BackupThenRestore_120000CharacterPersianNote_IsExact(DatabaseProvider provider)
    {
        await using var h = await BackupHarness.CreateAsync(provider);
        var note = LongPersian(120_000);
        var task = await h.Changes.CreateAsync(EntityKind.Task, new Dictionary<string, string?> { ["name"] = "یادداشت بلند", ["notes"] = note });

        var report = await h.Backup.BackupAsync("test");
        await h.Changes.UpdateAsync(EntityKind.Task, task.Id, new Dictionary<string, string?> { ["notes"] = "کوتاه" });
        var restore = await h.Restore.RestoreAsync(new RestoreRequest(Tab: BackupTabs.BrainDump, Trigger: "test"));

        Assert.Equal(1, report.RowsByTab[BackupTabs.BrainDump]);
        Assert.Empty(restore.Problems);
        await using var db = h.Db.CreateContext();
        var restored = (await db.Tasks.SingleAsync()).Notes;
        Assert.Equal(note.Length, restored!.Length);
        Assert.Equal(note, restored);
        var overflow = await h.Client.Values.GetAsync(h.SpreadsheetId, SheetsA1.Quote(BackupOverflow.Title));
        Assert.Equal(3, overflow.Values!.Count); // header + parts 1 and 2
    }

    [Theory, OnAllDatabases]
    public async Task Backup_AfterTheLongNoteIsShortened_EmptiesTheOverflowTab(DatabaseProvider provider)
    {
        await using var h = await BackupHarness.CreateAsync(provider);
        var task = await h.Changes.CreateAsync(EntityKind.Task, new Dictionary<string, string?> { ["name"] = "n", ["notes"] = LongPersian(60_000) });
        await h.Backup.BackupAsync("test");
        await h.Changes.UpdateAsync(EntityKind.Task, task.Id, new Dictionary<string, string?> { ["notes"] = LongPersian(50_000) });

        await h.Backup.BackupAsync("test");
        await h.Restore.RestoreAsync(new RestoreRequest(Tab: BackupTabs.BrainDump, Trigger: "test"));

        var overflow = await h.Client.Values.GetAsync(h.SpreadsheetId, SheetsA1.Quote(BackupOverflow.Title));
        Assert.Single(overflow.Values!);
        await using var db = h.Db.CreateContext();
        Assert.Equal(LongPersian(50_000), (await db.Tasks.SingleAsync()).Notes);
    }

    [Fact]
    public async Task Emulator_CellOver50000Characters_FailsTheWholeRequestAsGoogleDoes()
    {
        await using var h = await BackupHarness.CreateAsync(DatabaseProvider.Sqlite);

        var error = await Assert.ThrowsAsync<SheetsApiException>(() => h.Client.Values.UpdateAsync(
            h.SpreadsheetId, "Sheet1!A1", [["ok", LongPersian(50_001)]], ValueInputOption.Raw));

        Assert.Equal(400, error.Status);
        Assert.Equal("INVALID_ARGUMENT", error.GoogleStatus);
        Assert.Equal("Your input contains more than the maximum of 50000 characters in a single cell.", error.Message);
        var cells = await h.Client.Values.GetAsync(h.SpreadsheetId, "Sheet1!A1:B1");
        Assert.Null(cells.Values);
    }

    [Fact]
    public void Split_SurrogatePairAtTheLimit_IsNeverCut()
    {
        var text = new string('ا', BackupOverflow.MaxCellCharacters - 1) + "😀" + "پایان";
        var tab = new BackupTab("T", ["Notes", BackupTabs.IdColumn], [[text, "id-1"]]);

        var tabs = BackupOverflow.Split([tab], tabExists: false);

        var first = tabs[0].Rows[0][0].Text!;
        var part = tabs[1].Rows.Single()[4].Text!;
        Assert.Equal(BackupOverflow.MaxCellCharacters - 1, first.Length);
        Assert.Equal(text, first + part);
    }

    private static string LongPersian(int length)
    {
        const string words = "همگام یادداشت روزانه را نگه می‌دارد؛ ۱۲۳ ";
        var text = new StringBuilder(length + words.Length);
        while (text.Length < length)
        {
            text.Append(words);
        }

        return text.ToString(0, length);
    }
}
