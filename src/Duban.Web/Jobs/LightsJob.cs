using Duban.Data;
using Duban.Web.Features.Lights;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Jobs;

/// <summary>
/// Recomputes every region's lights on a schedule, so that dates passing overnight turn lights without
/// anyone touching the item. Changes made through the app recompute their own item at once.
/// Several nodes on one database may each run this: the recompute is idempotent and set-based.
/// </summary>
public sealed partial class LightsJob(IServiceScopeFactory scopes, IConfiguration config, ILogger<LightsJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = config.GetValue("Duban:Lights:RecomputeMinutes", 15);
        if (minutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
                var lights = scope.ServiceProvider.GetRequiredService<RecomputeLights>();
                foreach (var region in await db.Regions.IgnoreQueryFilters().Select(r => r.Id).ToListAsync(stoppingToken))
                {
                    var result = await lights.RunAsync(region, null, stoppingToken);
                    Recomputed(log, region, result.Rewritten, result.Changed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Failed(log, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lights recomputed for region {Region}: {Items} rows rewritten, {Changed} lights changed")]
    private static partial void Recomputed(ILogger logger, int region, int items, int changed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled light recompute failed; it runs again at the next tick")]
    private static partial void Failed(ILogger logger, Exception exception);
}
