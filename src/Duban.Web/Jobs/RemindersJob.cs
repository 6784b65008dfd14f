using Duban.Data;
using Duban.Web.Features.Notices;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Jobs;

/// <summary>Sends reminders and climbs the urging ladder every hour; each reminder's dedup key keeps it to once a day (or once a period).</summary>
public sealed partial class RemindersJob(IServiceScopeFactory scopes, IConfiguration config, ILogger<RemindersJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Reminders are made hourly; deliveries (and their retries) go out every minute.
        var minutes = config.GetValue("Duban:Reminders:EveryMinutes", 60);
        _ = DeliverAsync(stoppingToken);
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
                var send = scope.ServiceProvider.GetRequiredService<SendReminders>();
                var escalate = scope.ServiceProvider.GetRequiredService<Escalate>();
                foreach (var region in await db.Regions.IgnoreQueryFilters().Select(r => r.Id).ToListAsync(stoppingToken))
                {
                    var count = await send.RunAsync(region, stoppingToken);
                    var notices = await escalate.RunAsync(region, stoppingToken);
                    Sent(log, region, count, notices);
                }

                await scope.ServiceProvider.GetRequiredService<SendDeliveries>().RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Failed(log, ex);
            }
        }
    }

    private async Task DeliverAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SendDeliveries>().RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Failed(log, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders for region {Region}: {Count} new messages, {Notices} letters or notices issued")]
    private static partial void Sent(ILogger logger, int region, int count, int notices);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending reminders failed; it runs again at the next tick")]
    private static partial void Failed(ILogger logger, Exception exception);
}
