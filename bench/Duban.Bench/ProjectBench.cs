using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Duban.Data;
using Duban.Web.Features.Lights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Bench;

/// <summary>
/// Key projects at province scale: 20,000 projects over the 2,000 units, each with this year's plan and
/// twelve monthly investment rows (240,000), stages and coordinates spread so that every project light
/// occurs. Measures the project ledger, the map board's data, the figures and recording a month.
/// </summary>
public static class ProjectBench
{
    private static readonly string[] Stages = ["None", "Signed", "Started", "Started", "Started", "Producing", "AtCapacity"];
    private static readonly string[] Categories = ["Industrial", "Industrial", "Infrastructure", "Social"];

    public static async Task RunAsync(BenchApp app, string provider, int iterations, Stopwatch generate, int projects = 20_000)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(generate);
        var regionId = await app.WithDbAsync(db => db.Regions.IgnoreQueryFilters().Where(r => r.Code == "990000").Select(r => r.Id).SingleAsync());
        var months = await app.WithDbAsync(db => GenerateAsync(db, regionId, projects));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# Duban key-projects benchmark — {provider}: {projects:N0} projects, {months:N0} monthly investment rows (data ready in {generate.Elapsed.TotalSeconds:F0} s)"));
        Console.WriteLine();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sw = Stopwatch.StartNew();
            var result = await scope.ServiceProvider.GetRequiredService<RecomputeLights>().RunAsync(regionId);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Light recompute of the region (projects' first): {sw.Elapsed.TotalSeconds:F2} s, {result.Rewritten:N0} rows rewritten"));
            var lights = await scope.ServiceProvider.GetRequiredService<DubanDb>().WorkItems.IgnoreQueryFilters()
                .Where(w => w.RegionId == regionId && w.Kind == Domain.Work.WorkItemKind.KeyProject)
                .GroupBy(w => w.LightReason).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            Console.WriteLine("Project lights: " + string.Join(", ", lights.OrderBy(l => l.Key).Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Key} {l.Count:N0}"))));
        }

        Console.WriteLine();
        Console.WriteLine("| request | as | rows | bytes | p50 ms | p95 ms | max ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        var office = await app.ClientAsync("bench-office");
        var city = await app.ClientAsync("bench-city");
        var (county, project) = await app.WithDbAsync(async db =>
        {
            var c = await db.Units.IgnoreQueryFilters().Where(u => u.Name == "第2市第3县").Select(u => u.Id).SingleAsync();
            var p = await db.WorkItems.IgnoreQueryFilters().Where(w => w.RegionId == regionId && w.Kind == Domain.Work.WorkItemKind.KeyProject).OrderBy(w => w.Id).Select(w => w.Id).FirstAsync();
            return (c, p);
        });

        await Timing.MeasureAsync("GET /api/v1/projects (ledger, 50 rows)", "office", iterations, () => office.GetAsync("/api/v1/projects?pageSize=50"));
        await Timing.MeasureAsync("GET /api/v1/projects?unitId=…&light=Red (50 rows)", "office", iterations, () => office.GetAsync($"/api/v1/projects?unitId={county}&light=Red&pageSize=50"));
        await Timing.MeasureAsync("GET /api/v1/projects?sort=gap (50 rows)", "city leader", iterations, () => city.GetAsync("/api/v1/projects?sort=gap&pageSize=50"));
        var browser = await app.BrowserAsync("bench-office");
        await Timing.MeasureAsync("GET /Projects?stage=Started (page)", "office", iterations, () => browser.GetAsync("/Projects?stage=Started"));
        await Timing.MeasureAsync("GET /api/v1/projects/map (all, ~20,000 points)", "office", iterations, () => office.GetAsync("/api/v1/projects/map"));
        await Timing.MeasureAsync("GET /api/v1/projects/map?pool=Implementation&category=Industrial", "office", iterations, () => office.GetAsync("/api/v1/projects/map?pool=Implementation&category=Industrial"));
        await Timing.MeasureAsync("GET /api/v1/projects/map (city)", "city leader", iterations, () => city.GetAsync("/api/v1/projects/map"));
        await Timing.MeasureAsync("GET /api/v1/projects/figures", "office", Math.Min(iterations, 50), () => office.GetAsync("/api/v1/projects/figures"));
        await Timing.MeasureAsync("GET /api/v1/projects/{id}", "office", iterations, () => office.GetAsync($"/api/v1/projects/{project}"));
        var month = DateTime.UtcNow.Month == 1 ? 1 : DateTime.UtcNow.Month - 1;
        await Timing.MeasureAsync("PUT /api/v1/projects/{id}/investments (with recompute)", "office", iterations, () => office.PutAsJsonAsync($"/api/v1/projects/{project}/investments", new { year = DateTime.UtcNow.Year, month, amount = 1234.5m }));
    }

    public static async Task<int> GenerateAsync(DubanDb db, int regionId, int count)
    {
        if (await db.Projects.IgnoreQueryFilters().AnyAsync(p => p.RegionId == regionId))
        {
            return await db.ProjectInvestments.IgnoreQueryFilters().CountAsync();
        }

        var units = await db.Units.IgnoreQueryFilters().Where(u => u.RegionId == regionId).OrderBy(u => u.Id).Select(u => new { u.Id, u.Path }).ToListAsync();
        var leaders = await db.People.IgnoreQueryFilters().Where(p => p.RegionId == regionId && p.IsLeader).Select(p => p.Id).ToListAsync();
        var liaisons = await db.People.IgnoreQueryFilters().Where(p => p.RegionId == regionId && p.Title == "联络员").GroupBy(p => p.UnitId).Select(g => new { g.Key, Id = g.Min(p => p.Id) }).ToDictionaryAsync(x => x.Key, x => x.Id);
        var ledger = new Domain.Work.Ledger { RegionId = regionId, Name = "2026年省重点项目库", Year = 2026 };
        db.Ledgers.Add(ledger);
        await db.SaveChangesAsync();

        var random = new Random(20_000);
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var year = today.Year;
        var gone = Math.Max(1, today.Month - 1);
        var firstId = (await db.WorkItems.IgnoreQueryFilters().MaxAsync(w => (int?)w.Id) ?? 0) + 1;
        var items = new List<object?[]>(count);
        var projects = new List<object?[]>(count);
        var plans = new List<object?[]>(count);
        var investments = new List<object?[]>(count * 12);
        for (var i = 0; i < count; i++)
        {
            var id = firstId + i;
            var unit = units[(i * 7) % units.Count];
            var stage = Stages[random.Next(Stages.Length)];
            var startPlanned = today.AddDays(-random.Next(-60, 400));
            var started = stage is "Started" or "Producing" or "AtCapacity";
            var total = (decimal)random.Next(1_000, 300_000);
            var plan = decimal.Round(total / random.Next(2, 6), 0);
            var pace = random.Next(20, 120) / 100m; // share of the time-progress pace actually reached
            var done = 0m;
            for (var m = 1; m <= 12; m++)
            {
                // Twelve months a project: last year's last months and this year's so far.
                var (y, mo) = m <= gone ? (year, m) : (year - 1, m);
                var amount = decimal.Round(plan / 12 * pace * (decimal)(0.5 + random.NextDouble()), 0);
                if (y == year)
                {
                    done += amount;
                }

                investments.Add([regionId, id, y, mo, amount, now, "项目管家"]);
            }

            var percent = plan > 0 ? (int)decimal.Floor(done * 100 / plan) : (int?)null;
            int? plannedStartMonth = started ? null : (startPlanned.Year * 12) + startPlanned.Month - 1;
            items.Add([
                id, regionId, ledger.Id, null, $"/{id}/", "KeyProject", (i % 800 + 1).ToString(CultureInfo.InvariantCulture),
                $"重点项目{id}：第{i % 53 + 1}类产业园建设", null, "Document", "重点项目计划", unit.Id, unit.Path,
                leaders.Count == 0 ? null : leaders[i % leaders.Count], liaisons.GetValueOrDefault(unit.Id),
                startPlanned, null, startPlanned.DayNumber, null, "Monthly", 5, 17, now.AddDays(random.Next(-40, 20)),
                random.Next(12) == 0 ? "Paused" : "InProgress", "Grey", "NotStarted", "Grey", 0, plannedStartMonth, year, percent, now, 0, 0,
            ]);
            var lon = 108 + (random.NextDouble() * 6);
            var lat = 24 + (random.NextDouble() * 5);
            projects.Add([
                regionId, id, random.Next(12) == 0 ? "Reserve" : "Implementation", stage,
                startPlanned.AddDays(-60), stage == "None" ? null : startPlanned.AddDays(-50), startPlanned, started ? startPlanned.AddDays(random.Next(0, 30)) : null,
                startPlanned.AddDays(540), stage is "Producing" or "AtCapacity" ? startPlanned.AddDays(500) : null, startPlanned.AddDays(900), stage == "AtCapacity" ? startPlanned.AddDays(880) : null,
                "New", Categories[i % Categories.Length], "County", total, lon, lat, year - 1, year + 2,
            ]);
            plans.Add([regionId, id, year, plan]);
        }

        await BulkLoader.LoadAsync(db, "WorkItems",
        [
            "Id", "RegionId", "LedgerId", "ParentId", "Path", "Kind", "Number", "Name", "Content", "SourceKind", "SourceTitle", "LeadUnitId", "LeadUnitPath",
            "LeaderId", "LiaisonId", "StartDate", "Deadline", "StartDay", "DeadlineDay", "CadenceKind", "CadenceDay", "CadenceHour", "NextReportDueAt",
            "Status", "Light", "LightReason", "PreviousLight", "OverdueProblems", "PlannedStartMonth", "InvestmentYear", "InvestmentPercent", "CreatedAt",
            "ExtensionCount", "AdjustmentCount",
        ], items);
        await BulkLoader.ResetSequenceAsync(db, "WorkItems");
        await BulkLoader.LoadAsync(db, "Projects",
        [
            "RegionId", "WorkItemId", "Pool", "Stage", "SignedPlanned", "SignedOn", "StartPlanned", "StartedOn", "ProducingPlanned", "ProducingOn",
            "AtCapacityPlanned", "AtCapacityOn", "Nature", "Category", "Level", "TotalInvestment", "Longitude", "Latitude", "StartYear", "EndYear",
        ], projects);
        await BulkLoader.LoadAsync(db, "ProjectYearPlans", ["RegionId", "WorkItemId", "Year", "Amount"], plans);
        await BulkLoader.LoadAsync(db, "ProjectInvestments", ["RegionId", "WorkItemId", "Year", "Month", "Amount", "RecordedAt", "RecordedByName"], investments);
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return investments.Count;
    }
}
