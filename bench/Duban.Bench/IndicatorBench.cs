using System.Diagnostics;
using System.Globalization;
using Duban.Data;
using Duban.Domain.Indicators;
using Duban.Domain.Work;
using Duban.Sheets;
using Duban.Web.Features.Indicators;
using Duban.Web.Features.Lights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Bench;

/// <summary>
/// Indicators at province scale: 30 indicators, 10 of them decomposed to every one of the 2,000 units, three
/// years (2024–2026: 36 months, this year's through 1-10月), values with growth, a few revisions, eight peer
/// counties for the region's own figures. Every target (the region's and each unit's, per year) is a work item
/// of kind Indicator, loaded in bulk with its light facts and lit by the full recompute. Measures the board,
/// the town comparison, one indicator's detail, a 2,000-row statistics table's import and the recompute.
/// </summary>
public static class IndicatorBench
{
    public const string Imported = "规上工业总产值";

    /// <summary>Name, measure, kind, direction, first month, publishes value, decomposed to every unit, parent.</summary>
    private static readonly (string Name, string Measure, IndicatorKind Kind, IndicatorDirection Direction, int FirstMonth, bool Value, bool Decomposed, string? Parent)[] Catalogue =
    [
        (Imported, "万元", IndicatorKind.Cumulative, IndicatorDirection.HigherIsBetter, 1, true, true, null),
        ("一般公共预算收入", "万元", IndicatorKind.Cumulative, IndicatorDirection.HigherIsBetter, 1, true, true, null),
        ("税收收入", "万元", IndicatorKind.Cumulative, IndicatorDirection.HigherIsBetter, 1, true, true, "一般公共预算收入"),
        ("社会消费品零售总额", "万元", IndicatorKind.Cumulative, IndicatorDirection.HigherIsBetter, 1, true, true, null),
        ("固定资产投资", "%", IndicatorKind.Cumulative, IndicatorDirection.HigherIsBetter, 1, false, true, null),
        ("外贸进出口总额", "万元", IndicatorKind.Cumulative, IndicatorDirection.HigherIsBetter, 1, true, true, null),
        ("招商引资到位资金", "万元", IndicatorKind.Cumulative, IndicatorDirection.HigherIsBetter, 1, true, true, null),
        ("建筑业总产值", "万元", IndicatorKind.Cumulative, IndicatorDirection.HigherIsBetter, 1, true, true, null),
        ("限上批零住餐营业额", "万元", IndicatorKind.Cumulative, IndicatorDirection.HigherIsBetter, 1, true, true, null),
        ("农林牧渔业总产值", "万元", IndicatorKind.Cumulative, IndicatorDirection.HigherIsBetter, 1, true, true, null),
        ("地区生产总值", "亿元", IndicatorKind.QuarterlyCumulative, IndicatorDirection.HigherIsBetter, 1, true, false, null),
        ("规上工业增加值", "%", IndicatorKind.Cumulative, IndicatorDirection.HigherIsBetter, 2, false, false, null),
        ("第三产业增加值", "亿元", IndicatorKind.QuarterlyCumulative, IndicatorDirection.HigherIsBetter, 1, true, false, "地区生产总值"),
        ("工业用电量", "万千瓦时", IndicatorKind.Cumulative, IndicatorDirection.HigherIsBetter, 1, true, false, null),
        ("工业投资", "%", IndicatorKind.Cumulative, IndicatorDirection.HigherIsBetter, 2, false, false, "固定资产投资"),
        ("房地产开发投资", "万元", IndicatorKind.Cumulative, IndicatorDirection.HigherIsBetter, 2, true, false, "固定资产投资"),
        ("商品房销售面积", "万平方米", IndicatorKind.Cumulative, IndicatorDirection.HigherIsBetter, 2, true, false, null),
        ("实际使用外资", "万美元", IndicatorKind.Cumulative, IndicatorDirection.HigherIsBetter, 1, true, false, null),
        ("出口总额", "万元", IndicatorKind.Cumulative, IndicatorDirection.HigherIsBetter, 1, true, false, "外贸进出口总额"),
        ("进口总额", "万元", IndicatorKind.Cumulative, IndicatorDirection.HigherIsBetter, 1, true, false, "外贸进出口总额"),
        ("城镇居民人均可支配收入", "元", IndicatorKind.QuarterlyCumulative, IndicatorDirection.HigherIsBetter, 1, true, false, null),
        ("农村居民人均可支配收入", "元", IndicatorKind.QuarterlyCumulative, IndicatorDirection.HigherIsBetter, 1, true, false, null),
        ("居民消费价格涨幅", "%", IndicatorKind.PointInTime, IndicatorDirection.LowerIsBetter, 1, true, false, null),
        ("城镇调查失业率", "%", IndicatorKind.PointInTime, IndicatorDirection.LowerIsBetter, 1, true, false, null),
        ("规上工业单位增加值能耗", "吨标准煤/万元", IndicatorKind.PointInTime, IndicatorDirection.LowerIsBetter, 1, true, false, null),
        ("金融机构各项存款余额", "亿元", IndicatorKind.PointInTime, IndicatorDirection.HigherIsBetter, 1, true, false, null),
        ("金融机构各项贷款余额", "亿元", IndicatorKind.PointInTime, IndicatorDirection.HigherIsBetter, 1, true, false, null),
        ("新增市场主体", "户", IndicatorKind.Cumulative, IndicatorDirection.HigherIsBetter, 1, true, false, null),
        ("旅游总收入", "亿元", IndicatorKind.Cumulative, IndicatorDirection.HigherIsBetter, 1, true, false, null),
        ("高新技术产业增加值", "%", IndicatorKind.Cumulative, IndicatorDirection.HigherIsBetter, 1, false, false, null),
    ];

    private static readonly string[] Peers = ["东山县", "西岭县", "南湖区", "北川县", "临江市", "青石县", "云台区", "白沙县"];

    public sealed record Data(int Indicators, int Targets, int Values, int Decomposed, int Year);

    public static async Task RunAsync(BenchApp app, string provider, int iterations, Stopwatch generate)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(generate);
        var regionId = await app.WithDbAsync(db => db.Regions.IgnoreQueryFilters().Where(r => r.Code == "990000").Select(r => r.Id).SingleAsync());
        var load = Stopwatch.StartNew();
        var data = await app.WithDbAsync(db => GenerateAsync(db, regionId));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# Duban indicators benchmark — {provider}: {data.Indicators} indicators ({data.Decomposed} decomposed to every unit), {data.Targets:N0} targets (work items), {data.Values:N0} figures (loaded in {load.Elapsed.TotalSeconds:F1} s; data ready in {generate.Elapsed.TotalSeconds:F0} s)"));
        Console.WriteLine();

        Console.WriteLine("| full light recompute | run | seconds | rows rewritten | lights changed |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        for (var run = 1; run <= 3; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var sw = Stopwatch.StartNew();
            var result = await scope.ServiceProvider.GetRequiredService<RecomputeLights>().RunAsync(regionId);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {data.Targets:N0} indicator items | {run}{(run == 1 ? " (after the bulk load)" : " (steady state)")} | {sw.Elapsed.TotalSeconds:F2} | {result.Rewritten:N0} | {result.Changed:N0} |"));
        }

        var lights = await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters()
            .Where(w => w.RegionId == regionId && w.Kind == WorkItemKind.Indicator)
            .GroupBy(w => new { w.Light, w.LightReason }).Select(g => new { g.Key.Light, g.Key.LightReason, Count = g.Count() }).ToListAsync());
        Console.WriteLine();
        Console.WriteLine("Indicator lights: " + string.Join(", ", lights.OrderBy(l => l.Light).ThenBy(l => l.LightReason).Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Light}/{l.LightReason} {l.Count:N0}"))));
        if (lights.Any(l => l.LightReason == LightReason.NotStarted))
        {
            throw new InvalidOperationException("Some indicator items were not lit.");
        }

        Console.WriteLine();
        Console.WriteLine("| request | as | rows | bytes | p50 ms | p95 ms | max ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        var office = await app.ClientAsync("bench-office");
        var city = await app.ClientAsync("bench-city");
        var (imported, other) = await app.WithDbAsync(async db =>
        {
            var i = await db.Indicators.IgnoreQueryFilters().Where(x => x.RegionId == regionId && x.Name == Imported).Select(x => x.Id).SingleAsync();
            var o = await db.Indicators.IgnoreQueryFilters().Where(x => x.RegionId == regionId && x.Name == "社会消费品零售总额").Select(x => x.Id).SingleAsync();
            return (i, o);
        });
        var year = data.Year;
        await Timing.MeasureAsync($"GET /api/v1/indicators?year={year} (board)", "office", iterations, () => office.GetAsync($"/api/v1/indicators?year={year}"));
        await Timing.MeasureAsync("GET /api/v1/indicators/{id}/comparison (2,000 units)", "office", iterations, () => office.GetAsync($"/api/v1/indicators/{other}/comparison?year={year}"));
        await Timing.MeasureAsync("GET /api/v1/indicators/{id}/comparison (2,000 units)", "city leader", iterations, () => city.GetAsync($"/api/v1/indicators/{other}/comparison?year={year}"));
        await Timing.MeasureAsync("GET /api/v1/indicators/{id} (region's year, peers, 2,000 unit targets)", "office", iterations, () => office.GetAsync($"/api/v1/indicators/{other}?year={year}"));
        await Timing.MeasureAsync("GET /api/v1/indicators/{id} (region's year)", "city leader", iterations, () => city.GetAsync($"/api/v1/indicators/{other}?year={year}"));

        var table = await app.WithDbAsync(db => TableAsync(db, regionId, imported, year));
        var runs = Math.Clamp(iterations / 30, 5, 10);
        await Timing.MeasureAsync($"POST /api/v1/indicators/import dry run (2,000 rows, {table.Length / 1024:N0} KB)", "office", runs, () => office.PostAsync("/api/v1/indicators/import", Upload(table, dryRun: true)), warmup: 1, rowsOf: body => ImportRows(body, written: false));
        await Timing.MeasureAsync("POST /api/v1/indicators/import commit (2,000 rows; first new, then rewritten)", "office", runs, () => office.PostAsync("/api/v1/indicators/import", Upload(table, dryRun: false)), warmup: 1, rowsOf: body => ImportRows(body, written: true));

        Console.WriteLine();
        for (var run = 1; run <= 2; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var sw = Stopwatch.StartNew();
            var result = await scope.ServiceProvider.GetRequiredService<RecomputeLights>().RunAsync(regionId);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Full light recompute after the imports, run {run}: {sw.Elapsed.TotalSeconds:F2} s, {result.Rewritten:N0} rows rewritten, {result.Changed:N0} changed"));
        }
    }

    /// <summary>The rows an import read, refused unless every one of the 2,000 was understood, nothing was wrong, and it was (or was not) written.</summary>
    private static string ImportRows(byte[] body, bool written)
    {
        using var json = System.Text.Json.JsonDocument.Parse(body);
        var root = json.RootElement;
        var rows = root.GetProperty("tables").EnumerateArray().Sum(t => t.GetProperty("rows").GetArrayLength());
        if (root.GetProperty("errors").GetInt32() != 0 || root.GetProperty("written").GetBoolean() != written || root.GetProperty("figures").GetInt32() != 2_000)
        {
            throw new InvalidOperationException("The import did not read the table as expected: " + System.Text.Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 2000)]);
        }

        return rows.ToString("N0", CultureInfo.InvariantCulture);
    }

    private static MultipartFormDataContent Upload(byte[] file, bool dryRun)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "file", "2026年1-10月各乡镇规上工业总产值.xlsx");
        form.Add(new StringContent(dryRun ? "true" : "false"), "dryRun");
        return form;
    }

    /// <summary>
    /// The bureau's towns table for one indicator, as it is mailed: a title naming the period and the indicator,
    /// 单位/目标/完成/增速%/排名, one row per unit of the province by its real name, this year's 1-10月.
    /// </summary>
    public static async Task<byte[]> TableAsync(DubanDb db, int regionId, int indicatorId, int year)
    {
        ArgumentNullException.ThrowIfNull(db);
        var units = await db.Units.IgnoreQueryFilters().Where(u => u.RegionId == regionId).OrderBy(u => u.Path).Select(u => new { u.Id, u.Name }).ToListAsync();
        var targets = await db.IndicatorTargets.IgnoreQueryFilters().Where(t => t.IndicatorId == indicatorId && t.Year == year && t.UnitId != null)
            .ToDictionaryAsync(t => t.UnitId!.Value, t => t.Value);
        var random = new Random(1010);
        var rows = units.Select(u =>
        {
            var target = targets.GetValueOrDefault(u.Id) ?? 10_000m;
            var yoy = decimal.Round((decimal)(random.NextDouble() * 16) - 4m, 1);
            var done = decimal.Round(target * 10m / 12m * (decimal)(0.8 + (random.NextDouble() * 0.35)), 1);
            return (u.Name, Target: target, Done: done, Yoy: yoy);
        }).ToList();
        var ranks = IndicatorFigures.Rank(rows.Select(r => (r.Name, (decimal?)r.Yoy)), IndicatorDirection.HigherIsBetter);
        using var file = new MemoryStream();
        await using (var writer = new XlsxWriter(file))
        {
            writer.StartSheet(new SheetLayout { Name = "乡镇" });
            writer.WriteRow([CellValue.Of($"{year}年1-10月各乡镇{Imported}")]);
            writer.WriteRow([CellValue.Of("单位"), CellValue.Of("目标"), CellValue.Of("完成"), CellValue.Of("增速%"), CellValue.Of("排名")]);
            foreach (var r in rows)
            {
                writer.WriteRow([CellValue.Of(r.Name), CellValue.Of(r.Target), CellValue.Of(r.Done), CellValue.Of(r.Yoy), CellValue.Of((decimal)ranks[r.Name])]);
            }
        }

        return file.ToArray();
    }

    public static async Task<Data> GenerateAsync(DubanDb db, int regionId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = DateTime.UtcNow;
        var year = DateOnly.FromDateTime(now).Year;
        var years = new[] { year - 2, year - 1, year };
        const int LastMonth = 10; // this year's figures are out through 1-10月 (the bureau's day for October has passed)
        if (await db.Indicators.IgnoreQueryFilters().AnyAsync(i => i.RegionId == regionId))
        {
            return new Data(await db.Indicators.IgnoreQueryFilters().CountAsync(i => i.RegionId == regionId), await db.IndicatorTargets.IgnoreQueryFilters().CountAsync(),
                await db.IndicatorValues.IgnoreQueryFilters().CountAsync(), Catalogue.Count(c => c.Decomposed), year);
        }

        var units = await db.Units.IgnoreQueryFilters().Where(u => u.RegionId == regionId).OrderBy(u => u.Id).Select(u => new { u.Id, u.Path, u.ParentId }).ToListAsync();
        var root = units.First(u => u.ParentId == null);
        var leaders = await db.People.IgnoreQueryFilters().Where(p => p.RegionId == regionId && p.IsLeader).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        var departments = units.Skip(2).Take(40).ToList(); // 省直部门01…40 lead the indicators

        // The catalogue through the context (30 rows), parents first.
        var indicators = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        var order = 0;
        foreach (var c in Catalogue)
        {
            var indicator = new Indicator
            {
                RegionId = regionId,
                Name = c.Name,
                Measure = c.Measure,
                Kind = c.Kind,
                Direction = c.Direction,
                FirstMonth = c.FirstMonth,
                PublishesValue = c.Value,
                ParentId = c.Parent is null ? null : indicators[c.Parent].Id,
                LeadUnitId = departments[order % departments.Count].Id,
                LeaderId = leaders.Count == 0 ? null : leaders[order % leaders.Count],
                SortOrder = order += 10,
            };
            db.Indicators.Add(indicator);
            await db.SaveChangesAsync();
            indicators[c.Name] = indicator;
        }

        db.ChangeTracker.Clear();
        var ledgers = new Dictionary<int, int>();
        foreach (var y in years)
        {
            var ledger = new Ledger { RegionId = regionId, Name = $"{y}年主要经济指标", Year = y, SourceKind = SourceKind.Document };
            db.Ledgers.Add(ledger);
            await db.SaveChangesAsync();
            ledgers[y] = ledger.Id;
        }

        var random = new Random(16);
        var nextItem = (await db.WorkItems.IgnoreQueryFilters().MaxAsync(w => (int?)w.Id) ?? 0) + 1;
        var nextTarget = (await db.IndicatorTargets.IgnoreQueryFilters().MaxAsync(t => (int?)t.Id) ?? 0) + 1;
        var items = new List<object?[]>();
        var targets = new List<object?[]>();
        var values = new List<object?[]>();
        var decomposed = 0;
        foreach (var c in Catalogue)
        {
            var indicator = indicators[c.Name];
            decomposed += c.Decomposed ? 1 : 0;

            // Subjects: the region (null), its units where the indicator is decomposed, and the peers for the region's own figures.
            var subjects = new List<(int? Unit, string? Peer, string Path)> { (null, null, root.Path) };
            if (c.Decomposed)
            {
                subjects.AddRange(units.Select(u => ((int?)u.Id, (string?)null, u.Path)));
            }

            subjects.AddRange(Peers.Select(p => ((int?)null, (string?)p, root.Path)));
            foreach (var (unit, peer, path) in subjects)
            {
                var isRegion = unit is null && peer is null;
                var level = c.Kind == IndicatorKind.PointInTime ? (decimal)(2 + (random.NextDouble() * 4)) : (decimal)random.Next(2_000, 200_000) * (isRegion || peer is not null ? 100 : 1);
                var trend = 4 + (random.NextDouble() * 6); // this subject's underlying growth, percent a year
                foreach (var y in years)
                {
                    var growth = (decimal)(trend + ((random.NextDouble() - 0.55) * 8));
                    var annual = c.Kind == IndicatorKind.PointInTime ? level : level * (1 + (growth / 100));
                    var targetGrowth = decimal.Round((decimal)(trend + 1), 1);
                    var target = c.Kind == IndicatorKind.PointInTime
                        ? new IndicatorTarget { Year = y, UnitId = unit, Value = decimal.Round(level * 1.02m, 2) }
                        : new IndicatorTarget { Year = y, UnitId = unit, Value = c.Value ? decimal.Round(level * (1 + (targetGrowth / 100)), 0) : null, Growth = targetGrowth };
                    IndicatorValue? latest = null;
                    foreach (var m in indicator.PeriodsOfYear().Where(m => y < year || m <= LastMonth))
                    {
                        if (c.Name == Imported && unit is not null && y == year && m == LastMonth)
                        {
                            continue; // the units' 1-10月 comes with the imported table
                        }

                        var noise = (decimal)((random.NextDouble() - 0.5) * 0.1);
                        var value = !c.Value ? (decimal?)null
                            : c.Kind == IndicatorKind.PointInTime ? decimal.Round(level * (1 + noise), 2)
                            : decimal.Round(annual * m / 12m * (1 + noise), 1);
                        var yoy = decimal.Round(growth + ((decimal)(random.NextDouble() - 0.5) * 3), 1);
                        var recorded = new DateTime(y, m, 1, 2, 0, 0, DateTimeKind.Utc).AddMonths(1).AddDays(14);
                        var periodFrom = c.Kind == IndicatorKind.PointInTime ? m : 1;
                        values.Add([regionId, indicator.Id, y, periodFrom, m, unit, peer, value, yoy, null, "Flash", recorded, "统计局快报"]);
                        var revised = (isRegion && y < year && m % 3 == 0) || (unit is { } u && (u + m + y) % 97 == 0);
                        if (revised)
                        {
                            // 初步核算 a month later; the December figure is verified (核实) in the spring.
                            decimal? rv = value is null ? null : decimal.Round(value.Value * 1.004m, 1);
                            values.Add([regionId, indicator.Id, y, periodFrom, m, unit, peer, rv, yoy + 0.2m, null, "Preliminary", recorded.AddMonths(1), "统计局初步核算"]);
                            if (isRegion && m == 12)
                            {
                                values.Add([regionId, indicator.Id, y, periodFrom, m, unit, peer, rv, yoy + 0.1m, null, "Final", recorded.AddMonths(4), "统计局核实"]);
                            }

                            latest = new IndicatorValue { PeriodFrom = periodFrom, PeriodTo = m, Value = rv, Yoy = yoy + (isRegion && m == 12 ? 0.1m : 0.2m), Revision = Revision.Preliminary };
                        }
                        else
                        {
                            latest = new IndicatorValue { PeriodFrom = periodFrom, PeriodTo = m, Value = value, Yoy = yoy, Revision = Revision.Flash };
                        }
                    }

                    if (peer is not null)
                    {
                        continue; // peers have figures, not targets
                    }

                    // The target and its work item, with the light facts IndicatorWork.Apply keeps from the latest figure.
                    target.Id = nextTarget++;
                    target.RegionId = regionId;
                    target.IndicatorId = indicator.Id;
                    target.WorkItemId = nextItem++;
                    var item = new WorkItem { Name = indicator.Name };
                    var standing = IndicatorFigures.Of(indicator, target, latest, y, latest?.PeriodTo ?? 0);
                    IndicatorWork.Apply(item, indicator, target, standing, latest?.PeriodTo);
                    var start = new DateOnly(y, 1, 1);
                    var lead = unit is null ? indicator.LeadUnitId : unit.Value;
                    var leadPath = unit is null ? units.First(u => u.Id == indicator.LeadUnitId).Path : path;
                    items.Add([
                        target.WorkItemId, regionId, ledgers[y], null, $"/{target.WorkItemId}/", "Indicator", null, indicator.Name, null, "Document", null, lead, leadPath,
                        unit is null ? indicator.LeaderId : null, null, start, null, start.DayNumber, null, "None", 0, 0, null,
                        "InProgress", "Grey", "NotStarted", "Grey", 0, now, 0, 0,
                        item.TargetValue, item.TargetUnit, item.Percent, item.IndicatorGap, item.IndicatorGrowthShort, item.IndicatorGrowth, item.IndicatorNextPeriod,
                    ]);
                    targets.Add([target.Id, regionId, indicator.Id, y, unit, target.Value, target.Growth, null, null, target.WorkItemId]);
                }
            }
        }

        await BulkLoader.LoadAsync(db, "WorkItems",
        [
            "Id", "RegionId", "LedgerId", "ParentId", "Path", "Kind", "Number", "Name", "Content", "SourceKind", "SourceTitle", "LeadUnitId", "LeadUnitPath",
            "LeaderId", "LiaisonId", "StartDate", "Deadline", "StartDay", "DeadlineDay", "CadenceKind", "CadenceDay", "CadenceHour", "NextReportDueAt",
            "Status", "Light", "LightReason", "PreviousLight", "OverdueProblems", "CreatedAt", "ExtensionCount", "AdjustmentCount",
            "TargetValue", "TargetUnit", "Percent", "IndicatorGap", "IndicatorGrowthShort", "IndicatorGrowth", "IndicatorNextPeriod",
        ], items);
        await BulkLoader.ResetSequenceAsync(db, "WorkItems");
        await BulkLoader.LoadAsync(db, "IndicatorTargets", ["Id", "RegionId", "IndicatorId", "Year", "UnitId", "Value", "Growth", "HalfYearPercent", "ThreeQuartersPercent", "WorkItemId"], targets);
        await BulkLoader.ResetSequenceAsync(db, "IndicatorTargets");
        await BulkLoader.LoadAsync(db, "IndicatorValues", ["RegionId", "IndicatorId", "Year", "PeriodFrom", "PeriodTo", "UnitId", "PeerName", "Value", "Yoy", "Rank", "Revision", "RecordedAt", "Source"], values);
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return new Data(Catalogue.Length, targets.Count, values.Count, decomposed, year);
    }
}
