using Duban.Data;
using Duban.Domain.Indicators;
using Duban.Domain.Organisation;

namespace Duban.Web.Setup;

/// <summary>
/// The demo county's main economic indicators for this year and last, through the latest month the bureau has
/// published by today: one far behind (red), one shrinking (red), some short of target (yellow), the rest on
/// track; one decomposed to the four towns; and four peer counties to be ranked against.
/// </summary>
internal static class DemoIndicators
{
    private sealed record Plan(string Name, string? Measure, IndicatorKind Kind, int FirstMonth, bool PublishesValue, string Lead, string? Leader,
        decimal? Target, decimal? TargetGrowth, decimal? Done, decimal Yoy, string? Parent = null);

    // Done: the share of the annual target reached by the latest month, as a fraction of time progress (1 = on pace).
    private static readonly Plan[] Plans =
    [
        new("地区生产总值", "亿元", IndicatorKind.QuarterlyCumulative, 3, true, "县发展和改革局", "李明华", 185m, 6.5m, 0.98m, 5.8m),
        new("规上工业增加值", "亿元", IndicatorKind.Cumulative, 2, false, "县工业和信息化局", "张卫东", null, 8.0m, null, 9.1m),
        new("固定资产投资", "亿元", IndicatorKind.Cumulative, 2, false, "县发展和改革局", "李明华", null, 7.0m, null, -3.2m),
        new("社会消费品零售总额", "亿元", IndicatorKind.Cumulative, 2, true, "县商务局", "张卫东", 62m, 6.0m, 0.91m, 6.1m),
        new("一般公共预算收入", "万元", IndicatorKind.Cumulative, 1, true, "县财政局", "李明华", 98_000m, 5.0m, 1.05m, 5.6m),
        new("税收收入", "万元", IndicatorKind.Cumulative, 1, true, "县财政局", "李明华", 72_000m, 5.0m, 0.93m, 4.1m, "一般公共预算收入"),
        new("实际利用外资", "万美元", IndicatorKind.Cumulative, 1, true, "县商务局", "张卫东", 3_200m, 10.0m, 0.71m, 12.5m),
        new("规上工业总产值", "万元", IndicatorKind.Cumulative, 2, true, "县工业和信息化局", "张卫东", 1_850_000m, null, 0.97m, 4.2m),
        new("城乡居民人均可支配收入", "元", IndicatorKind.QuarterlyCumulative, 3, true, "县人力资源和社会保障局", null, null, 6.5m, null, 6.2m),
    ];

    private static readonly (string Town, decimal Target, decimal Done, decimal Yoy)[] Towns =
    [
        ("城关镇", 620_000m, 1.03m, 5.1m),
        ("河口镇", 410_000m, 0.88m, -6.5m),
        ("青石镇", 300_000m, 1.00m, 1.1m),
        ("白沙乡", 90_000m, 0.83m, 2.4m),
    ];

    private static readonly (string Peer, decimal Offset)[] Peers = [("青阳县", 0.9m), ("临江县", -0.6m), ("石门县", 1.7m), ("云溪区", -1.4m)];

    public static async Task SeedAsync(IServiceProvider services, int regionId, IReadOnlyDictionary<string, Unit> units, IReadOnlyList<Person> people)
    {
        var db = services.GetRequiredService<DubanDb>();
        var work = services.GetRequiredService<Features.Indicators.IndicatorWork>();
        var clock = services.GetRequiredService<TimeProvider>();
        var utcNow = clock.GetUtcNow().UtcDateTime;
        var today = Domain.RegionClock.Today(clock, Domain.RegionClock.DefaultTimeZoneId);
        var year = today.Year;
        var through = IndicatorFigures.PublishedThrough(today, Domain.Work.LightSettings.Default.IndicatorDueDay) - (year * 12) + 1;
        var ledger = await work.LedgerAsync(regionId, year, $"{year}年主要经济指标", default);
        var order = 0;
        var byName = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        foreach (var plan in Plans)
        {
            var indicator = new Indicator
            {
                RegionId = regionId,
                Name = plan.Name,
                Measure = plan.Measure,
                Kind = plan.Kind,
                FirstMonth = plan.FirstMonth,
                PublishesValue = plan.PublishesValue,
                LeadUnitId = units[plan.Lead].Id,
                SourceUnitId = units[plan.Lead].Id,
                LeaderId = plan.Leader is null ? null : people.First(p => p.Name == plan.Leader).Id,
                ParentId = plan.Parent is null ? null : byName[plan.Parent].Id,
                SortOrder = ++order * 10,
            };
            db.Indicators.Add(indicator);
            await db.SaveChangesAsync();
            byName[plan.Name] = indicator;

            var target = new IndicatorTarget { RegionId = regionId, IndicatorId = indicator.Id, Year = year, Value = plan.Target, Growth = plan.TargetGrowth };
            await work.AddItemAsync(indicator, target, ledger, units[plan.Lead], today, utcNow, default);
            db.IndicatorTargets.Add(target);

            var periods = indicator.PeriodsOfYear().ToList();
            foreach (var m in periods)
            {
                AddYears(db, indicator, regionId, year, m, through, null, null, plan.Target, plan.Done, plan.Yoy, utcNow);
            }

            if (plan.Name is "地区生产总值" or "一般公共预算收入")
            {
                var latest = periods.LastOrDefault(m => m <= through);
                foreach (var (peer, offset) in Peers.Where(_ => latest > 0))
                {
                    db.IndicatorValues.Add(new IndicatorValue
                    {
                        RegionId = regionId,
                        IndicatorId = indicator.Id,
                        Year = year,
                        PeriodTo = latest,
                        PeerName = peer,
                        Value = plan.Target is { } t ? decimal.Round(t * (plan.Done ?? 1) * latest / 12m * (1 + (offset / 20m)), 1) : null,
                        Yoy = plan.Yoy + offset,
                        RecordedAt = utcNow,
                        Source = "市统计局通报",
                    });
                }
            }

            if (plan.Name == "规上工业总产值")
            {
                foreach (var (town, townTarget, done, yoy) in Towns)
                {
                    var unit = units[town];
                    var townGoal = new IndicatorTarget { RegionId = regionId, IndicatorId = indicator.Id, Year = year, UnitId = unit.Id, Value = townTarget };
                    await work.AddItemAsync(indicator, townGoal, ledger, unit, today, utcNow, default);
                    db.IndicatorTargets.Add(townGoal);
                    foreach (var m in periods)
                    {
                        AddYears(db, indicator, regionId, year, m, through, unit.Id, null, townTarget, done, yoy, utcNow);
                    }
                }
            }
        }

        await db.SaveChangesAsync();
        await work.RefreshAsync(regionId, year, null, default);
    }

    /// <summary>A month's figure this year (when published) and the same month last year, on a pace that reaches the plan's share by the latest month.</summary>
    private static void AddYears(DubanDb db, Indicator indicator, int regionId, int year, int month, int through, int? unitId, string? peer, decimal? target, decimal? done, decimal yoy, DateTime utcNow)
    {
        // Growth drifts towards its latest figure over the year; the pace reaches the plan's share by the latest month.
        var latest = Math.Max(1, through);
        var drift = decimal.Round(yoy + ((latest - month) * 0.15m), 1);
        decimal? value = indicator.PublishesValue && target is { } t ? decimal.Round(t * (done ?? 1) * month / 12m, indicator.Measure == "亿元" ? 2 : 0) : null;
        if (month <= through)
        {
            db.IndicatorValues.Add(new IndicatorValue
            {
                RegionId = regionId,
                IndicatorId = indicator.Id,
                Year = year,
                PeriodTo = month,
                UnitId = unitId,
                PeerName = peer,
                Value = value,
                Yoy = drift,
                RecordedAt = utcNow,
                Source = "县统计局统计月报",
            });
        }

        db.IndicatorValues.Add(new IndicatorValue
        {
            RegionId = regionId,
            IndicatorId = indicator.Id,
            Year = year - 1,
            PeriodTo = month,
            UnitId = unitId,
            PeerName = peer,
            Revision = Revision.Final,
            Value = value is { } v ? decimal.Round(v / (1 + (drift / 100m)), indicator.Measure == "亿元" ? 2 : 0) : null,
            Yoy = decimal.Round(drift - 0.8m + (month % 3 * 0.3m), 1),
            RecordedAt = utcNow,
            Source = "县统计局统计年鉴",
        });
    }
}
