using Duban.Data;

namespace Duban.Web.Jobs;

/// <summary>
/// Seals new audit entries into their region's hash chain a few seconds after they commit, so that a change
/// and its audit rows still go to the database in one batch (docs/decisions/0015). Several nodes may each run
/// it: the sealer takes a lock on PostgreSQL, and an entry is sealed once.
/// </summary>
public sealed partial class AuditSealJob(IServiceScopeFactory scopes, IConfiguration config, ILogger<AuditSealJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = config.GetValue("Duban:Audit:SealSeconds", 5);
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var count = await AuditChainStore.SealAsync(scope.ServiceProvider.GetRequiredService<DubanDb>(), null, stoppingToken);
                if (count > 0)
                {
                    Sealed(log, count);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Failed(log, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Count} audit entries sealed into the chain")]
    private static partial void Sealed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sealing the audit chain failed; it runs again at the next tick")]
    private static partial void Failed(ILogger logger, Exception exception);
}
