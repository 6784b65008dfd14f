using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Duban.Data;
using Duban.Web.Features.Lights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Bench;

/// <summary>The supervision loop at province scale: light recompute, the ledger page, reporting, and the API.</summary>
public static class LoopBench
{
    public static async Task RunAsync(BenchApp app, string provider, int iterations, Stopwatch generate)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(generate);
        var (tasks, milestones, reports) = await LoopGenerator.GenerateAsync(app.Services);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# Duban supervision-loop benchmark — {provider}: {tasks:N0} tasks, {milestones:N0} milestones, {reports:N0} progress reports (data ready in {generate.Elapsed.TotalSeconds:F0} s)"));
        Console.WriteLine();

        var regionId = await app.WithDbAsync(db => db.Regions.IgnoreQueryFilters().Where(r => r.Code == "990000").Select(r => r.Id).SingleAsync());
        Console.WriteLine("| full light recompute | run | seconds | rows rewritten | lights changed |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        for (var run = 1; run <= 3; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var sw = Stopwatch.StartNew();
            var result = await scope.ServiceProvider.GetRequiredService<RecomputeLights>().RunAsync(regionId);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {tasks:N0} tasks | {run}{(run == 1 ? " (fresh import)" : " (steady state)")} | {sw.Elapsed.TotalSeconds:F2} | {result.Rewritten:N0} | {result.Changed:N0} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| request | as | rows | bytes | p50 ms | p95 ms | max ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        var office = await app.ClientAsync("bench-office");
        var city = await app.ClientAsync("bench-city");
        var town = await app.ClientAsync("bench-town");
        var (ledger, county, townTask) = await app.WithDbAsync(async db =>
        {
            var l = await db.Ledgers.IgnoreQueryFilters().Where(x => x.RegionId == regionId).OrderBy(x => x.Id).Select(x => x.Id).FirstAsync();
            var c = await db.Units.IgnoreQueryFilters().Where(u => u.Name == "第2市第3县").Select(u => u.Id).SingleAsync();
            var townUnit = await db.Users.IgnoreQueryFilters().Where(a => a.UserName == "bench-town").Select(a => a.UnitId!.Value).SingleAsync();
            var t = await db.WorkItems.IgnoreQueryFilters().Where(w => w.LeadUnitId == townUnit && w.Status != Domain.Work.WorkItemStatus.Closed).Select(w => w.Id).FirstAsync();
            return (l, c, t);
        });

        await Timing.MeasureAsync("GET /api/v1/tasks?unitId=…&light=Yellow (50 rows)", "office", iterations, () => office.GetAsync($"/api/v1/tasks?unitId={county}&light=Yellow&pageSize=50"));
        await Timing.MeasureAsync("GET /api/v1/tasks?light=Red (100 rows)", "city leader", iterations, () => city.GetAsync("/api/v1/tasks?light=Red&pageSize=100"));
        await Timing.MeasureAsync("GET /api/v1/tasks?light=Red (100 rows)", "town liaison", iterations, () => town.GetAsync("/api/v1/tasks?light=Red&pageSize=100"));
        await Timing.MeasureAsync("GET /api/v1/tasks/{id}", "town liaison", iterations, () => town.GetAsync($"/api/v1/tasks/{townTask}"));
        var browser = await app.BrowserAsync("bench-office");
        await Timing.MeasureAsync("GET /Ledgers/View/{id}?unitId=…&light=Yellow (page)", "office", iterations, () => browser.GetAsync($"/Ledgers/View/{ledger}?unitId={county}&light=Yellow"));
        await Timing.MeasureAsync("POST /api/v1/tasks/{id}/reports (with recompute)", "town liaison", iterations, () => town.PostAsJsonAsync($"/api/v1/tasks/{townTask}/reports", new { done = "本周完成阶段工作", percent = 50 }));
        var cityUnit = await app.WithDbAsync(db => db.Units.IgnoreQueryFilters().Where(u => u.Name == "第1市").Select(u => u.Id).SingleAsync());
        await Timing.MeasureAsync("POST /api/v1/tasks (lit as it is written)", "office", iterations, () => office.PostAsJsonAsync("/api/v1/tasks", new { ledgerId = ledger, name = "新增任务", leadUnitId = cityUnit, deadlineInWorkdays = 20, cadence = "Weekly" }));
    }
}
