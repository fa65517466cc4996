using Hamgam.Core.Tasks;
using Hamgam.Web.Features.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.Web.Tests.Features.Tasks;

/// <summary>A new task starts with a status the workspace already uses, so Notion accepts it.</summary>
public sealed class TaskOptionsTests : IAsyncLifetime
{
    private readonly DashboardTestContext _ctx = new();

    public Task InitializeAsync() => _ctx.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_ctx).DisposeAsync();

    [Theory]
    [InlineData(new string[0], "Inbox")]
    [InlineData(new[] { "Done", "In progress", "Not started" }, "Not started")]
    [InlineData(new[] { "Done", "Inbox", "Not started" }, "Inbox")]
    [InlineData(new[] { "انجام شد", "در حال انجام" }, "در حال انجام")]
    public async Task DefaultStatus_IsOneInUse_OpenNotDone(string[] used, string expected)
    {
        await _ctx.SaveAsync(db =>
        {
            foreach (var status in used)
            {
                db.Tasks.Add(new TaskItem { Name = "کار " + status, Status = status });
            }
        });

        var options = await _ctx.Services.GetRequiredService<TaskQueries>().OptionsAsync();

        Assert.Equal(expected, options.DefaultStatus);
    }
}
