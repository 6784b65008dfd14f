using Duban.Data;
using Duban.Web.Features.Bulletins;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Jobs;

/// <summary>
/// Looks every few minutes whether a region's bulletin draft is due (<see cref="ComposeScheduledDrafts"/>).
/// Several nodes may run it at once: the unique index on the period lets only one draft in.
/// </summary>
public sealed partial class BulletinsJob(IServiceScopeFactory scopes, IConfiguration config, ILogger<BulletinsJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = config.GetValue("Duban:Bulletins:EveryMinutes", 10);
        if (minutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
                var drafts = scope.ServiceProvider.GetRequiredService<ComposeScheduledDrafts>();
                foreach (var region in await db.Regions.IgnoreQueryFilters().Select(r => r.Id).ToListAsync(stoppingToken))
                {
                    if (await drafts.RunAsync(region, stoppingToken) is > 0 and var count)
                    {
                        Composed(log, region, count);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Failed(log, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bulletins for region {Region}: {Count} drafts composed on schedule")]
    private static partial void Composed(ILogger logger, int region, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Composing scheduled bulletin drafts failed; it runs again at the next tick")]
    private static partial void Failed(ILogger logger, Exception exception);
}
