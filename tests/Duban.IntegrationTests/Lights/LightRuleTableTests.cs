using System.Globalization;
using Duban.Domain.Organisation;
using Duban.Domain.Projects;
using Duban.Domain.Work;
using Duban.IntegrationTests.Infrastructure;
using Duban.Web.Features.Lights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Duban.IntegrationTests.Lights;

/// <summary>
/// The light rule table, run in memory and as the database's SQL, gives the same answer for every item, under
/// random region and ledger settings, random workday calendars (holidays and make-up days), random
/// time-progress curves and random moments of the year. And the comparison can fail: SQL built from a table
/// with one step changed is caught.
/// </summary>
public abstract class LightRuleTableTests(DubanFactory app, ITestOutputHelper output)
{
    private const int Rounds = 6;
    private const int ItemsPerRound = 300;

    [Fact]
    public async Task Memory_and_database_agree_under_random_settings_calendars_and_curves()
    {
        var random = new Random(20261202);
        var compared = 0;
        var reasons = new HashSet<LightReason>();
        for (var round = 0; round < Rounds; round++)
        {
            var world = await NewWorldAsync(random);
            var now = new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.Zero).AddDays(random.Next(0, 364)).AddMinutes(random.Next(0, 24 * 60));
            await SeedItemsAsync(world, random, now);
            foreach (var at in new[] { now, now.AddDays(random.Next(5, 40)) })
            {
                using var pin = app.Clock.Pin(at);
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<RecomputeLights>().RunAsync(world.RegionId);
                }

                var disagreements = await CompareAsync(world, at, reasons);
                compared += disagreements.Compared;
                Assert.True(disagreements.Lines.Count == 0, $"Round {round} at {at:u} ({world.Describe()}):\n" + string.Join('\n', disagreements.Lines.Take(10)));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{compared} items compared over {Rounds} rounds of random settings, calendars and curves; {reasons.Count} of {Enum.GetValues<LightReason>().Length} reasons reached; not reached: {string.Join(", ", Enum.GetValues<LightReason>().Except(reasons))}"));
        Assert.True(compared >= Rounds * ItemsPerRound * 2, $"only {compared} items were compared");
        Assert.Equal(Enum.GetValues<LightReason>().Length, reasons.Count); // the draw reaches every reason, so agreeing means something
    }

    [Fact]
    public async Task A_rule_changed_on_one_side_only_is_caught()
    {
        var random = new Random(7);
        var world = await NewWorldAsync(random, plain: true);
        var now = new DateTimeOffset(2026, 6, 10, 2, 30, 0, TimeSpan.Zero);
        await SeedItemsAsync(world, random, now);
        using var pin = app.Clock.Pin(now);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RecomputeLights>().RunAsync(world.RegionId);
        }

        // The database's SQL built from a table where "lagging" needs one point more than the memory's table.
        var moment = LightMoment.For(now.UtcDateTime, world.Zone, world.RegionSettings, world.Calendar);
        var changed = LightRules.Steps.Select(s => s.Reason != LightReason.Lagging ? s : s with
        {
            When = (f, p) => f.Percent != null && f.DeadlineDay != null && f.DeadlineDay > f.StartDay
                && ((p.TodayDay - f.StartDay) * 100 / (f.DeadlineDay.Value - f.StartDay)) - f.Percent.Value > p.LagPoints,
        }).ToList();
        await app.WithDbAsync(async db =>
        {
            // Exactly on the lag line, where the two sides now part: 160 of 200 days gone is 80%, and 60% done.
            var item = Item(world, world.LedgerIds[0], "正好落后", now);
            item.Deadline = new DateOnly(2026, 1, 1).AddDays(200);
            item.Percent = 60;
            db.WorkItems.Add(item);
            return await db.SaveChangesAsync();
        });

        var same = await DisagreementsAsync(world, moment, LightRules.Steps);
        var parted = await DisagreementsAsync(world, moment, changed);
        output.WriteLine($"the same table: {same.Count} disagreements; one step changed on the database's side: {parted.Count}: {string.Join("; ", parted)}");
        Assert.Empty(same);
        Assert.Contains(parted, line => line.StartsWith("正好落后", StringComparison.Ordinal));
    }

    /// <summary>Each item's light as SQL built from the given table computes it now, against the memory's answer.</summary>
    private async Task<List<string>> DisagreementsAsync(World world, LightMoment moment, IReadOnlyList<LightStep> steps)
    {
        var sql = LightSql.For(LightInputs.At(moment), steps);
        var items = await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().AsNoTracking().Where(w => w.RegionId == world.RegionId && w.LedgerId == world.LedgerIds[0]).OrderBy(w => w.Id).ToListAsync());
        var reasons = await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().Where(w => w.RegionId == world.RegionId && w.LedgerId == world.LedgerIds[0]).OrderBy(w => w.Id).Select(sql.Reason).ToListAsync());
        var numbers = await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().Where(w => w.RegionId == world.RegionId && w.LedgerId == world.LedgerIds[0]).OrderBy(w => w.Id).Select(sql.Number).ToListAsync());
        var lines = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var expected = LightRules.Evaluate(items[i].Facts(), moment);
            if (expected.Reason != reasons[i] || expected.ReasonNumber != numbers[i])
            {
                lines.Add($"{items[i].Name}: memory {expected.Reason} {expected.ReasonNumber}, database {reasons[i]} {numbers[i]}");
            }
        }

        return lines;
    }

    private sealed record World(int RegionId, TimeZoneInfo Zone, LightSettings RegionSettings, WorkdayCalendar Calendar, IReadOnlyList<int> LedgerIds, IReadOnlyDictionary<int, Ledger> Ledgers, int UnitId, string UnitPath)
    {
        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"region settings {RegionSettings}; ledgers {string.Join(" / ", Ledgers.Values.Select(l => $"{l.DueSoonDays}|{l.DueSoonInWorkdays}|{l.LagPoints}|{l.MissedReportsForYellow}"))}");
    }

    private async Task<World> NewWorldAsync(Random random, bool plain = false)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        return await app.WithDbAsync(async db =>
        {
            var region = new Region { Name = "规则区" + Guid.NewGuid().ToString("N")[..6], Code = "97" + random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture) };
            db.Regions.Add(region);
            await db.SaveChangesAsync();
            var unit = new Unit { RegionId = region.Id, Name = region.Name + "政府", Kind = UnitKind.Leadership };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            unit.Path = UnitPath.Child(UnitPath.Root, unit.Id);

            var settings = new RegionLightSettings { RegionId = region.Id };
            if (!plain)
            {
                settings.DueSoonDays = random.Next(1, 15);
                settings.DueSoonInWorkdays = random.Next(2) == 0;
                settings.LagPoints = random.Next(5, 41);
                settings.MissedReportsForYellow = random.Next(1, 5);
                settings.StartLateYellowMonths = random.Next(0, 3);
                settings.StartLateRedMonths = settings.StartLateYellowMonths + random.Next(1, 4);
                settings.GapYellowPoints = random.Next(5, 21);
                settings.GapRedPoints = settings.GapYellowPoints + random.Next(1, 25);
                settings.IndicatorYellowPoints = random.Next(1, 10);
                settings.IndicatorRedPoints = settings.IndicatorYellowPoints + random.Next(1, 15);
                settings.IndicatorShrinkingRed = random.Next(2) == 0;
                settings.IndicatorDueDay = random.Next(1, 29);
                settings.LeadStaleYellowDays = random.Next(5, 60);
                settings.LeadStaleRedDays = settings.LeadStaleYellowDays + random.Next(1, 60);
                settings.LeadUnlandedYellowMonths = random.Next(1, 6);
                settings.LeadUnlandedRedMonths = settings.LeadUnlandedYellowMonths + random.Next(1, 6);
                if (random.Next(3) > 0)
                {
                    // A curve that rises from a slow start, as offices draw them (前低后高).
                    var curve = new int[12];
                    var total = 0;
                    for (var m = 0; m < 12; m++)
                    {
                        total = m == 11 ? 100 : Math.Min(100, total + random.Next(2, 16));
                        curve[m] = total;
                    }

                    settings.TimeCurve = string.Join(',', curve);
                }
            }

            db.RegionLightSettings.Add(settings);

            // Holidays on weekdays and make-up workdays on weekends, scattered through the year.
            var days = new Dictionary<DateOnly, bool>();
            for (var i = plain ? 0 : random.Next(10, 40); i > 0; i--)
            {
                var day = new DateOnly(2026, 1, 1).AddDays(random.Next(0, 400));
                var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                if (days.TryAdd(day, weekend))
                {
                    db.CalendarDays.Add(new CalendarDay { RegionId = region.Id, Date = day, IsWorkday = weekend, Name = weekend ? "调休上班" : "放假" });
                }
            }

            var ledgers = new Dictionary<int, Ledger>();
            for (var l = 0; l < 3; l++)
            {
                var ledger = new Ledger { RegionId = region.Id, Name = $"清单{l}", Year = 2026 };
                if (l > 0 && !plain)
                {
                    // The first ledger inherits the region's rules; the others set some of their own.
                    ledger.DueSoonDays = random.Next(2) == 0 ? random.Next(1, 15) : null;
                    ledger.DueSoonInWorkdays = random.Next(2) == 0 ? random.Next(2) == 0 : null;
                    ledger.LagPoints = random.Next(2) == 0 ? random.Next(5, 41) : null;
                    ledger.MissedReportsForYellow = random.Next(2) == 0 ? random.Next(1, 5) : null;
                    if (!ledger.HasOwnSettings)
                    {
                        ledger.DueSoonDays = 3;
                    }
                }

                db.Ledgers.Add(ledger);
                await db.SaveChangesAsync();
                ledgers[ledger.Id] = ledger;
            }

            await db.SaveChangesAsync();
            return new World(region.Id, zone, settings.ToSettings(), new WorkdayCalendar(days), ledgers.Keys.ToList(), ledgers, unit.Id, unit.Path);
        });
    }

    private static WorkItem Item(World world, int ledgerId, string name, DateTimeOffset now) => new()
    {
        RegionId = world.RegionId,
        LedgerId = ledgerId,
        LeadUnitId = world.UnitId,
        LeadUnitPath = world.UnitPath,
        Name = name,
        Status = WorkItemStatus.InProgress,
        StartDate = new DateOnly(2026, 1, 1),
        CreatedAt = now.UtcDateTime,
    };

    private Task<int> SeedItemsAsync(World world, Random random, DateTimeOffset now) => app.WithDbAsync(async db =>
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now.UtcDateTime, world.Zone));
        for (var i = 0; i < ItemsPerRound; i++)
        {
            var start = today.AddDays(random.Next(-200, 20));
            var item = Item(world, world.LedgerIds[random.Next(world.LedgerIds.Count)], $"事项{i}", now);
            item.Status = (WorkItemStatus)random.Next(0, 5);
            item.StartDate = start;
            item.Deadline = random.Next(6) == 0 ? null : start.AddDays(random.Next(1, 400));
            item.Percent = random.Next(4) == 0 ? null : random.Next(0, 101);
            item.ExemptUntil = random.Next(10) == 0 ? today.AddDays(random.Next(-3, 4)) : null;
            var cadence = (CadenceKind)random.Next(0, 5);
            item.CadenceKind = cadence;
            item.CadenceDay = cadence is CadenceKind.Weekly or CadenceKind.Biweekly ? random.Next(1, 8) : random.Next(1, 29);
            item.CadenceHour = random.Next(8, 18);
            item.NextReportDueAt = cadence == CadenceKind.None ? null : now.UtcDateTime.AddHours(random.Next(-24 * 120, 24 * 10));
            if (random.Next(3) == 0)
            {
                item.Kind = WorkItemKind.KeyProject;
                item.PlannedStartMonth = random.Next(3) == 0 ? Investment.MonthIndex(today) - random.Next(-2, 6) : null;
                item.InvestmentYear = random.Next(5) == 0 ? today.Year - 1 : today.Year;
                item.InvestmentPercent = random.Next(3) == 0 ? null : random.Next(0, 90);
            }
            else if (random.Next(3) == 0)
            {
                // Indicator facts: gap and growth in tenths of a point, the next period owed as a month index.
                item.Kind = WorkItemKind.Indicator;
                item.IndicatorGap = random.Next(4) == 0 ? null : random.Next(-100, 300);
                item.IndicatorGrowthShort = random.Next(3) == 0 ? null : random.Next(-50, 50);
                item.IndicatorGrowth = random.Next(3) == 0 ? null : random.Next(-80, 150);
                item.IndicatorNextPeriod = random.Next(4) == 0 ? null : Investment.MonthIndex(today) - random.Next(-1, 4);
            }
            else if (random.Next(2) == 0)
            {
                // Lead facts: the latest contact's day, the next step's date, the day signed while not landed.
                item.Kind = WorkItemKind.Lead;
                item.LeadLastContactDay = random.Next(5) == 0 ? null : today.DayNumber - random.Next(0, 150);
                item.LeadNextStepDue = random.Next(3) == 0 ? null : today.AddDays(random.Next(-20, 30));
                item.LeadSignedDay = random.Next(3) == 0 ? null : today.AddMonths(-random.Next(0, 12)).DayNumber + random.Next(-3, 4);
                if (random.Next(2) == 0)
                {
                    // A lead as it is made: lit by its contacts and signing alone.
                    item.Deadline = null;
                    item.Milestones.Clear();
                    item.CadenceKind = CadenceKind.None;
                    item.NextReportDueAt = null;
                    item.LeadLastContactDay = today.DayNumber - random.Next(0, 10);
                }
            }

            for (var m = random.Next(0, 4); m > 0; m--)
            {
                var due = today.AddDays(random.Next(-30, 40));
                item.Milestones.Add(new Milestone { RegionId = world.RegionId, Name = $"节点{m}", Due = due, DoneOn = random.Next(3) == 0 ? due : null });
            }

            db.WorkItems.Add(item);
        }

        var written = await db.SaveChangesAsync();

        // Problems on some projects, some past their deadline: the recompute counts those and lights the project.
        var projects = db.WorkItems.Local.Where(w => w.Kind == WorkItemKind.KeyProject && w.RegionId == world.RegionId).ToList();
        foreach (var project in projects.Where(_ => random.Next(3) == 0))
        {
            var problem = Item(world, project.LedgerId, project.Name + "的问题", now);
            problem.Kind = WorkItemKind.Problem;
            problem.ParentId = project.Id;
            problem.StartDate = today.AddDays(-60);
            problem.Deadline = today.AddDays(random.Next(-20, 10));
            problem.Status = random.Next(5) == 0 ? WorkItemStatus.Closed : WorkItemStatus.InProgress;
            db.WorkItems.Add(problem);
        }

        return written + await db.SaveChangesAsync();
    });

    private sealed record Comparison(int Compared, List<string> Lines);

    private async Task<Comparison> CompareAsync(World world, DateTimeOffset now, HashSet<LightReason> reasons)
    {
        var stored = await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().Include(w => w.Milestones).AsNoTracking().Where(w => w.RegionId == world.RegionId).ToListAsync());
        var lines = new List<string>();
        foreach (var item in stored)
        {
            var ledger = world.Ledgers[item.LedgerId];
            var settings = ledger.SettingsOver(world.RegionSettings);
            var moment = LightMoment.For(now.UtcDateTime, world.Zone, settings, world.Calendar);
            var open = item.Milestones.Where(m => m.IsOpen).OrderBy(m => m.Due).ThenBy(m => m.Id).FirstOrDefault();
            var facts = item.Facts() with
            {
                NextMilestoneDue = item.Status == WorkItemStatus.Closed ? item.NextMilestoneDue : open?.Due,
                NextMilestoneName = item.Status == WorkItemStatus.Closed ? item.NextMilestoneName : open?.Name,
            };
            var expected = LightRules.Evaluate(facts, moment);
            var actual = new LightResult(item.Light, item.LightReason, item.LightReasonDate, item.LightReasonText, item.LightReasonNumber);
            reasons.Add(actual.Reason);
            if (expected != actual)
            {
                lines.Add($"{item.Name} (ledger {item.LedgerId}): memory {expected} but database {actual}");
            }
        }

        return new Comparison(stored.Count, lines);
    }
}

[Collection(OnSqlite.Name)]
public sealed class LightRuleTableTestsOnSqlite(SqliteFactory app, ITestOutputHelper output) : LightRuleTableTests(app, output);

[Collection(OnPostgres.Name)]
public sealed class LightRuleTableTestsOnPostgres(PostgresFactory app, ITestOutputHelper output) : LightRuleTableTests(app, output);
