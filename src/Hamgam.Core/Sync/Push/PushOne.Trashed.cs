using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Mapping;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Notion;

namespace Hamgam.Core.Sync.Push;

/// <summary>
/// Refusals that mean the page is in Notion's trash: recognised by reading the page (Notion's wording for them is
/// undocumented and has changed), and merged as a pull would merge the trashed page.
/// </summary>
internal sealed partial class PushOne
{
    /// <summary>
    /// A 400 that may mean the page is in the trash. Notion's wording for it is undocumented and has changed, so the
    /// page is read to know (one request, only after a refusal).
    /// </summary>
    private static bool MayBeTrashed(NotionApiException ex) => ex.Status == 400 && ex.Code == "validation_error";

    private async Task<bool> IsInTrashAsync(string pageId, CancellationToken cancellationToken)
    {
        try
        {
            return (await notion.Pages.RetrieveAsync(pageId, cancellationToken: cancellationToken)).InTrash;
        }
        catch (NotionApiException)
        {
            return false;
        }
    }

    /// <summary>Trashed in Notion since the last pull: merged as a pull would (a tombstone; the local edits go to the conflict inbox).</summary>
    private async Task TrashedMeanwhileAsync(
        PushBatch batch, string pageId, SchemaBindings bindings, NotionApiException refusal, RunHandle run, PushCounts counts, CancellationToken cancellationToken)
    {
        try
        {
            if (await new RemoteEditCheck(notion, factory, schema, time, 0).MergeTrashedAsync(batch.Kind, pageId, bindings, run, cancellationToken))
            {
                // The merge discards what a trashed page makes moot; entries it left (the row already matched the trashed page) cannot be sent either.
                await FinishEntriesAsync(batch, OutboxState.Discarded, null, dryRun: false, cancellationToken);
                return;
            }
        }
        catch (NotionApiException ex) when (ex.IsTransient)
        {
            await DeferAsync(batch, null, $"Notion answered {ex.Status} {ex.Code}: {ex.Message}", dryRun: false, cancellationToken);
            return;
        }

        // Not in the trash after all: the refusal was about something else, and is reported as it came.
        await FailAsync(batch, pageId, refusal, run, counts, dryRun: false, cancellationToken);
    }
}
