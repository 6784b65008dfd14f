using System.Diagnostics;
using System.Globalization;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Bench;

/// <summary>
/// The audit chain at province scale: sealing what generating the province wrote, then a trail of 200,000
/// entries more (a year of a busy province), verifying the whole chain, and the auditor's reads.
/// The app's own sealer is off here, so that the benchmark times the sealing itself.
/// </summary>
public static class AuditBench
{
    private const int Extra = 200_000;

    public static async Task RunAsync(BenchApp app, string provider, int iterations)
    {
        ArgumentNullException.ThrowIfNull(app);
        var regionId = await app.WithDbAsync(db => db.Regions.IgnoreQueryFilters().Where(r => r.Code == "990000").Select(r => r.Id).SingleAsync());
        var generated = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# Duban audit-chain benchmark — {provider}: {generated:N0} entries from generating the province, then {Extra:N0} more"));
        Console.WriteLine();
        Console.WriteLine("| step | entries | seconds | entries/s |");
        Console.WriteLine("|---|---:|---:|---:|");
        await SealAsync(app, "seal the province's entries");

        var units = await app.WithDbAsync(db => db.Units.IgnoreQueryFilters().Where(u => u.RegionId == regionId).OrderBy(u => u.Id).Select(u => u.Id).Take(2_000).ToListAsync());
        var start = DateTime.UtcNow.AddDays(-365);
        var insert = Stopwatch.StartNew();
        await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var done = 0; done < Extra; done += 10_000)
            {
                var entries = Enumerable.Range(done, 10_000).Select(i => new AuditEntry
                {
                    RegionId = regionId,
                    At = start.AddSeconds(i * 150.0),
                    ActorId = null,
                    ActorName = "联络员" + (i % 500).ToString(CultureInfo.InvariantCulture),
                    EntityType = i % 3 == 0 ? "WorkItem" : "ProgressReport",
                    EntityId = i,
                    Action = i % 3 == 0 ? AuditActions.Updated : AuditActions.Created,
                    Before = i % 3 == 0 ? """{"Deadline":"2026-06-30","LeadUnitId":12}""" : null,
                    After = i % 3 == 0
                        ? $$"""{"Deadline":"2026-09-30","LeadUnitId":{{units[i % units.Count]}}}"""
                        : $$"""{"WorkItemId":{{i}},"SubmittedAt":"2026-05-01T08:00:00Z","SubmittedByName":"联络员","Done":"本周完成征地拆迁签约 {{i}} 户，累计完成总量的百分之六十，施工单位已进场，临时用电已接通。","Percent":60,"Problems":"资金拨付滞后，需协调财政局尽快拨付第二笔补助资金。"}""",
                }).ToList();
                await BulkInsert.InsertAsync(db, entries, default);
            }

            await transaction.CommitAsync();
            return 0;
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| insert {Extra:N0} entries in bulk (not timed below) | {Extra:N0} | {insert.Elapsed.TotalSeconds:F2} | |"));
        await SealAsync(app, "seal them");

        var verified = Stopwatch.StartNew();
        AuditChainState state;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            state = await scope.ServiceProvider.GetRequiredService<VerifyAuditChain>().RunAsync(regionId);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| verify the whole chain ({(state.Intact ? "intact" : "BROKEN")}) | {state.VerifiedThrough:N0} | {verified.Elapsed.TotalSeconds:F2} | {state.VerifiedThrough / verified.Elapsed.TotalSeconds:N0} |"));
        Console.WriteLine();

        // Statistics as a database that has lived with the trail would have them (autovacuum would run now).
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ANALYZE"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var auditor = new Account { UserName = "bench-auditor", DisplayName = "bench-auditor", RegionId = regionId, CreatedAt = DateTime.UtcNow };
            await users.CreateAsync(auditor, ProvinceGenerator.Password);
            await users.AddToRoleAsync(auditor, Roles.Auditor);
        }

        Console.WriteLine("| request | as | rows | bytes | p50 ms | p95 ms | max ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        var api = await app.ClientAsync("bench-auditor");
        await Timing.MeasureAsync("GET /api/v1/audit (50 newest)", "auditor", iterations, () => api.GetAsync("/api/v1/audit"));
        await Timing.MeasureAsync("GET /api/v1/audit?kind=WorkItem&actor=联络员7 (50)", "auditor", iterations, () => api.GetAsync("/api/v1/audit?kind=WorkItem&actor=" + Uri.EscapeDataString("联络员7")));
        var day = DateOnly.FromDateTime(start.AddDays(40)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Timing.MeasureAsync("GET /api/v1/audit?from=…&to=… (one day, 50)", "auditor", iterations, () => api.GetAsync($"/api/v1/audit?from={day}&to={day}"));
        await Timing.MeasureAsync("GET /api/v1/audit?page=100 (50)", "auditor", iterations, () => api.GetAsync("/api/v1/audit?page=100"));
        var browser = await app.BrowserAsync("bench-auditor");
        await Timing.MeasureAsync("GET /Audit (page, 50 newest)", "auditor", iterations, () => browser.GetAsync("/Audit"));
        await Timing.MeasureAsync("GET /api/v1/audit/verify (whole chain)", "auditor", 5, () => api.GetAsync("/api/v1/audit/verify"));
    }

    private static async Task SealAsync(BenchApp app, string step)
    {
        var sw = Stopwatch.StartNew();
        var count = await app.WithDbAsync(db => AuditChainStore.SealAsync(db, null));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {step} | {count:N0} | {sw.Elapsed.TotalSeconds:F2} | {count / sw.Elapsed.TotalSeconds:N0} |"));
    }
}
