using Duban.Domain.Work;
using Duban.IntegrationTests.Infrastructure;
using Duban.Web.Features.Lights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.IntegrationTests.Lights;

/// <summary>The set-based recompute in the database gives exactly the answers of the rules in the domain.</summary>
public abstract class RecomputeLightsTests(DubanFactory app)
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task The_database_and_the_domain_rules_agree_on_every_item()
    {
        // 10:30 on Wednesday 10 June 2026 in Beijing.
        var now = new DateTimeOffset(2026, 6, 10, 2, 30, 0, TimeSpan.Zero);
        using var pin = app.Clock.Pin(now);
        var random = new Random(20261202);
        var today = new DateOnly(2026, 6, 10);
        var ledgerId = await NewLedgerAsync("随机规则核对" + Guid.NewGuid().ToString("N")[..4]);

        var items = new List<WorkItem>();
        for (var i = 0; i < 700; i++)
        {
            var start = today.AddDays(random.Next(-200, 20));
            var item = new WorkItem
            {
                RegionId = app.Data.RegionId,
                LedgerId = ledgerId,
                LeadUnitId = app.Data.UnitA,
                LeadUnitPath = app.Data.UnitAPath,
                Name = $"任务{i}",
                Status = (WorkItemStatus)random.Next(0, 5),
                StartDate = start,
                Deadline = random.Next(6) == 0 ? null : start.AddDays(random.Next(1, 400)),
                Percent = random.Next(4) == 0 ? null : random.Next(0, 101),
                ExemptUntil = random.Next(10) == 0 ? today.AddDays(random.Next(-3, 4)) : null,
                CreatedAt = now.UtcDateTime,
            };
            var cadence = (CadenceKind)random.Next(0, 5);
            item.CadenceKind = cadence;
            item.CadenceDay = cadence is CadenceKind.Weekly or CadenceKind.Biweekly ? random.Next(1, 8) : random.Next(1, 29);
            item.CadenceHour = random.Next(8, 18);
            item.NextReportDueAt = cadence == CadenceKind.None ? null : now.UtcDateTime.AddHours(random.Next(-24 * 100, 24 * 10));
            if (random.Next(4) == 0)
            {
                // Project facts (planned start, investment completion, overdue problems) on the same engine.
                item.PlannedStartMonth = random.Next(3) == 0 ? Duban.Domain.Projects.Investment.MonthIndex(today) - random.Next(-2, 6) : null;
                item.InvestmentYear = random.Next(5) == 0 ? 2025 : 2026;
                item.InvestmentPercent = random.Next(3) == 0 ? null : random.Next(0, 60);
                item.OverdueProblems = random.Next(4) == 0 ? random.Next(1, 3) : 0;
            }
            else if (random.Next(3) == 0)
            {
                // An indicator's target as it is made: no deadline, no cadence, no milestones; lit by its figures.
                item.Kind = WorkItemKind.Indicator;
                item.Deadline = null;
                item.CadenceKind = CadenceKind.None;
                item.NextReportDueAt = null;
                item.IndicatorGap = random.Next(4) == 0 ? null : random.Next(-100, 300);
                item.IndicatorGrowthShort = random.Next(3) == 0 ? null : random.Next(-50, 50);
                item.IndicatorGrowth = random.Next(3) == 0 ? null : random.Next(-80, 150);
                item.IndicatorNextPeriod = random.Next(4) == 0 ? null : Duban.Domain.Projects.Investment.MonthIndex(today) - random.Next(-1, 4);
            }
            else if (random.Next(2) == 0)
            {
                // A lead as it is made: no deadline, no cadence, no milestones; lit by its contacts and its signing.
                item.Kind = WorkItemKind.Lead;
                item.Status = random.Next(5) == 0 ? WorkItemStatus.Closed : WorkItemStatus.InProgress;
                item.ExemptUntil = null;
                item.Deadline = null;
                item.CadenceKind = CadenceKind.None;
                item.NextReportDueAt = null;
                item.LeadLastContactDay = today.DayNumber - (random.Next(2) == 0 ? random.Next(0, 20) : random.Next(0, 120));
                item.LeadNextStepDue = random.Next(3) == 0 ? null : today.AddDays(random.Next(-20, 30));
                item.LeadSignedDay = random.Next(3) == 0 ? null : today.AddMonths(-random.Next(0, 10)).DayNumber;
            }

            for (var m = item.Kind is WorkItemKind.Indicator or WorkItemKind.Lead ? 0 : random.Next(0, 4); m > 0; m--)
            {
                var due = today.AddDays(random.Next(-30, 30));
                item.Milestones.Add(new Milestone { RegionId = app.Data.RegionId, Name = $"节点{m}", Due = due, DoneOn = random.Next(3) == 0 ? due : null });
            }

            items.Add(item);
        }

        // Edges the random draw may miss: due exactly today, exactly at the limit, exactly on the lag line.
        items.Add(Edge("今天到期", today, ledgerId));
        items.Add(Edge("第七天到期", today.AddDays(7), ledgerId));
        items.Add(Edge("第八天到期", today.AddDays(8), ledgerId));
        items.Add(Edge("昨天到期", today.AddDays(-1), ledgerId));
        var onTheLine = Edge("正好落后20个百分点", new DateOnly(2026, 1, 1).AddDays(200), ledgerId); // 160 of 200 days gone: 80%
        onTheLine.Percent = 60;
        items.Add(onTheLine);
        var justAbove = Edge("落后19个百分点", new DateOnly(2026, 1, 1).AddDays(200), ledgerId);
        justAbove.Percent = 61;
        items.Add(justAbove);

        await app.WithDbAsync(async db =>
        {
            db.WorkItems.AddRange(items);
            return await db.SaveChangesAsync();
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<RecomputeLights>().RunAsync(app.Data.RegionId);
            Assert.True(result.Rewritten >= items.Count); // every new item leaves grey or changes its reason
        }

        await CompareAsync(ledgerId, now);

        // Twenty days on, only the rows whose light or reason changes are rewritten; the answers must still agree.
        using var later = app.Clock.Pin(now.AddDays(20));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RecomputeLights>().RunAsync(app.Data.RegionId);
        }

        await CompareAsync(ledgerId, now.AddDays(20), checkEdges: false);
    }

    private async Task CompareAsync(int ledgerId, DateTimeOffset now, bool checkEdges = true)
    {
        var stored = await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().Include(w => w.Milestones).Where(w => w.LedgerId == ledgerId).AsNoTracking().ToListAsync());
        var moment = LightMoment.For(now.UtcDateTime, Shanghai, LightSettings.Default, WorkdayCalendar.Plain);
        var disagreements = new List<string>();
        foreach (var item in stored)
        {
            var open = item.Milestones.Where(m => m.IsOpen).OrderBy(m => m.Due).ThenBy(m => m.Id).FirstOrDefault();
            if (item.Status != WorkItemStatus.Closed)
            {
                Assert.Equal(open?.Due, item.NextMilestoneDue);
            }

            var facts = item.Facts() with { NextMilestoneDue = item.Status == WorkItemStatus.Closed ? item.NextMilestoneDue : open?.Due, NextMilestoneName = open?.Name };
            var expected = LightRules.Evaluate(facts, moment);
            var actual = new LightResult(item.Light, item.LightReason, item.LightReasonDate, item.LightReasonText, item.LightReasonNumber);
            if (expected != actual)
            {
                disagreements.Add($"{item.Name}: domain {expected} but database {actual}");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements.Take(10)));
        if (!checkEdges)
        {
            return;
        }

        Assert.Equal(LightReason.Lagging, stored.Single(w => w.Name == "正好落后20个百分点").LightReason);
        Assert.Equal(LightReason.OnTrack, stored.Single(w => w.Name == "落后19个百分点").LightReason);
        var lights = stored.Select(w => w.Light).Distinct().ToList();
        Assert.Equal(5, lights.Count); // the draw reaches every light, so the comparison means something
        var reached = stored.Select(w => w.LightReason).ToHashSet();
        var missing = Enum.GetValues<LightReason>().Where(r => !reached.Contains(r)).ToList();
        Assert.True(missing.Count == 0, "Reasons the draw never reached, so agreeing on them means nothing: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task A_changed_light_is_kept_as_history_once()
    {
        var now = new DateTimeOffset(2026, 6, 10, 2, 30, 0, TimeSpan.Zero);
        var ledgerId = await NewLedgerAsync("历史" + Guid.NewGuid().ToString("N")[..4]);
        var id = await app.WithDbAsync(async db =>
        {
            var item = Edge("月底竣工", new DateOnly(2026, 6, 30), ledgerId);
            item.Percent = 90; // on pace: 160 of 180 days gone is 88%
            db.WorkItems.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });

        async Task<List<LightChange>> RunAt(DateTimeOffset at)
        {
            using var pin = app.Clock.Pin(at);
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RecomputeLights>().RunAsync(app.Data.RegionId);
            return await app.WithDbAsync(db => db.LightChanges.IgnoreQueryFilters().Where(c => c.WorkItemId == id).OrderBy(c => c.Id).ToListAsync());
        }

        var first = await RunAt(now);
        var green = Assert.Single(first);
        Assert.Equal((Light.Grey, Light.Green), (green.From, green.To));

        Assert.Single(await RunAt(now.AddHours(1))); // nothing changed, nothing recorded

        var later = await RunAt(now.AddDays(14)); // 24 June: the deadline is within 7 days
        Assert.Equal(2, later.Count);
        Assert.Equal((Light.Green, Light.Yellow, LightReason.DeadlineDueSoon), (later[1].From, later[1].To, later[1].Reason));

        var overdue = await RunAt(now.AddDays(21)); // 1 July: past the deadline
        Assert.Equal((Light.Yellow, Light.Red, LightReason.DeadlineOverdue), (overdue[2].From, overdue[2].To, overdue[2].Reason));
        var since = await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().Where(w => w.Id == id).Select(w => w.LightSince).SingleAsync());
        Assert.Equal(now.AddDays(21).UtcDateTime, since);

        // A second run stamped with the same instant does not record the change twice.
        Assert.Equal(3, (await RunAt(now.AddDays(21))).Count);
    }

    [Fact]
    public async Task A_region_loaded_in_bulk_is_lit_in_one_run_and_keeps_every_index()
    {
        // 12,000 tasks written straight into the tables, as a migration from spreadsheets would: never lit.
        var now = new DateTimeOffset(2026, 6, 10, 2, 30, 0, TimeSpan.Zero);
        using var pin = app.Clock.Pin(now);
        var today = new DateOnly(2026, 6, 10);
        var (regionId, ledgerId) = await app.WithDbAsync(async db =>
        {
            var region = new Duban.Domain.Organisation.Region { Name = "批量区" + Guid.NewGuid().ToString("N")[..4], Code = "98" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            db.Regions.Add(region);
            await db.SaveChangesAsync();
            var unit = new Duban.Domain.Organisation.Unit { RegionId = region.Id, Name = "批量区政府", Kind = Duban.Domain.Organisation.UnitKind.Leadership };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            unit.Path = Duban.Domain.Organisation.UnitPath.Child(Duban.Domain.Organisation.UnitPath.Root, unit.Id);
            var ledger = new Ledger { RegionId = region.Id, Name = "批量清单", Year = 2026 };
            db.Ledgers.Add(ledger);
            await db.SaveChangesAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var rows = Enumerable.Range(0, 12_000).Select(i => new WorkItem
            {
                RegionId = region.Id,
                LedgerId = ledger.Id,
                LeadUnitId = unit.Id,
                LeadUnitPath = unit.Path,
                Name = $"批量任务{i}",
                Status = i % 10 == 0 ? WorkItemStatus.NotStarted : WorkItemStatus.InProgress,
                StartDate = today.AddDays(-100),
                Deadline = today.AddDays((i % 30) - 10), // some past, some within 7 days, most later
                CreatedAt = now.UtcDateTime,
            }).ToList();
            await Duban.Data.BulkInsert.InsertAsync(db, rows, default);
            await transaction.CommitAsync();
            return (region.Id, ledger.Id);
        });

        var before = await IndexesAsync();
        RecomputeLights.Result result;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<RecomputeLights>().RunAsync(regionId);
        }

        var after = await IndexesAsync();
        var lit = await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().Where(w => w.RegionId == regionId)
            .GroupBy(w => w.Light).Select(g => new { Light = g.Key, Count = g.Count(), Unlit = g.Count(w => w.LightSince == null) }).ToListAsync());
        var history = await app.WithDbAsync(db => db.LightChanges.IgnoreQueryFilters().Where(c => c.RegionId == regionId).CountAsync());

        // Every row was lit once: 1,200 not started stay grey, the rest change colour and are recorded.
        Assert.Equal(12_000, result.Rewritten);
        Assert.Equal(10_800, result.Changed);
        Assert.Equal(10_800, history);
        Assert.All(lit, g => Assert.Equal(0, g.Unlit));
        Assert.Equal(1_200, lit.Single(g => g.Light == Light.Grey).Count);
        Assert.Equal(3_600, lit.Single(g => g.Light == Light.Red).Count); // deadline 9 to 1 days ago
        Assert.Equal(2_800, lit.Single(g => g.Light == Light.Yellow).Count); // due in 1 to 7 days
        Assert.Equal(4_400, lit.Single(g => g.Light == Light.Green).Count);

        // The same indexes as before, by name and definition (on PostgreSQL they were dropped and built again).
        Assert.Equal(before.Select(i => (i.Name, i.Definition)), after.Select(i => (i.Name, i.Definition)));
        if (app.Provider == Duban.Data.DatabaseProvider.Postgres)
        {
            Assert.NotEqual(before.Single(i => i.Name == "IX_WorkItems_Overview").Oid, after.Single(i => i.Name == "IX_WorkItems_Overview").Oid);
        }

        // A second run finds nothing to do.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(new RecomputeLights.Result(0, 0), await scope.ServiceProvider.GetRequiredService<RecomputeLights>().RunAsync(regionId));
        }
    }

    private sealed record IndexRow(string Name, string Definition, long Oid);

    private Task<List<IndexRow>> IndexesAsync() => app.WithDbAsync(db => app.Provider == Duban.Data.DatabaseProvider.Postgres
        ? db.Database.SqlQueryRaw<IndexRow>("SELECT i.indexname AS \"Name\", i.indexdef AS \"Definition\", c.oid::bigint AS \"Oid\" FROM pg_indexes i JOIN pg_class c ON c.relname = i.indexname WHERE i.tablename = 'WorkItems' ORDER BY 1").ToListAsync()
        : db.Database.SqlQueryRaw<IndexRow>("SELECT name AS Name, sql AS Definition, 0 AS Oid FROM sqlite_master WHERE type = 'index' AND tbl_name = 'WorkItems' AND sql IS NOT NULL ORDER BY 1").ToListAsync());

    private WorkItem Edge(string name, DateOnly deadline, int? ledgerId) => new()
    {
        RegionId = app.Data.RegionId,
        LedgerId = ledgerId ?? 0,
        LeadUnitId = app.Data.UnitA,
        LeadUnitPath = app.Data.UnitAPath,
        Name = name,
        Status = WorkItemStatus.InProgress,
        StartDate = new DateOnly(2026, 1, 1),
        Deadline = deadline,
        Percent = 60,
        CreatedAt = DateTime.UtcNow,
    };

    private Task<int> NewLedgerAsync(string name) => app.WithDbAsync(async db =>
    {
        var ledger = new Ledger { RegionId = app.Data.RegionId, Name = name, Year = 2026 };
        db.Ledgers.Add(ledger);
        await db.SaveChangesAsync();
        return ledger.Id;
    });

    [Fact]
    public async Task A_task_created_through_the_api_is_stored_and_returned_lit_as_the_database_lights_it()
    {
        // Wednesday 10 June 2026, 10:30 in Beijing. A new task is lit in memory when it is created; the
        // recompute in the database must then find nothing to change, and reading it back must give what the
        // create returned.
        using var pin = app.Clock.Pin(new DateTimeOffset(2026, 6, 10, 2, 30, 0, TimeSpan.Zero));
        var office = await app.Data.ApiClientAsync("duchashi");
        async Task<int> NewLedger(object body)
        {
            var response = await office.PostAsJsonAsync("/api/v1/ledgers", body);
            Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
        }

        var plain = await NewLedger(new { name = "创建即亮灯" + Guid.NewGuid().ToString("N")[..4], year = 2026 });
        var workdays = await NewLedger(new { name = "工作日口径" + Guid.NewGuid().ToString("N")[..4], year = 2026, dueSoonDays = 3, dueSoonInWorkdays = true });
        var cases = new (string Name, object Body, Light Light, LightReason Reason)[]
        {
            ("三天内到期", new { ledgerId = plain, name = "三天内到期", leadUnitId = app.Data.UnitA, startDate = "2026-05-01", deadline = "2026-06-13" }, Light.Yellow, LightReason.DeadlineDueSoon),
            ("节点已逾期", new { ledgerId = plain, name = "节点已逾期", leadUnitId = app.Data.UnitA, startDate = "2026-05-01", deadline = "2026-09-30", milestones = new[] { new { name = "完成方案", due = "2026-06-30" }, new { name = "完成招标", due = "2026-06-09" } } }, Light.Red, LightReason.MilestoneOverdue),
            ("尚未开始", new { ledgerId = plain, name = "尚未开始", leadUnitId = app.Data.UnitA, startDate = "2026-07-01", deadline = "2026-09-30" }, Light.Grey, LightReason.NotStarted),
            ("按期推进", new { ledgerId = plain, name = "按期推进", leadUnitId = app.Data.UnitA, supportingUnitIds = new[] { app.Data.UnitB }, leaderId = app.Data.PersonInA, liaisonId = app.Data.PersonInA, startDate = "2026-05-01", deadline = "2026-12-31", cadence = "Weekly", cadenceDay = 5, cadenceHour = 15 }, Light.Green, LightReason.OnTrack),
            // Three workdays from Wednesday is Monday 15 June; three calendar days would be Saturday.
            ("工作日内到期", new { ledgerId = workdays, name = "工作日内到期", leadUnitId = app.Data.UnitA, startDate = "2026-05-01", deadline = "2026-06-15" }, Light.Yellow, LightReason.DeadlineDueSoon),
        };

        foreach (var (name, body, light, reason) in cases)
        {
            var response = await office.PostAsJsonAsync("/api/v1/tasks", body);
            Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
            var created = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            var id = created.GetProperty("id").GetInt32();
            Assert.Equal((light.ToString(), reason.ToString()), (created.GetProperty("light").GetString(), created.GetProperty("lightReason").GetString()));

            var read = await office.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/tasks/{id}");
            Assert.Equal(read.GetRawText(), created.GetRawText());

            await using var scope = app.Services.CreateAsyncScope();
            var again = await scope.ServiceProvider.GetRequiredService<RecomputeLights>().RunAsync(app.Data.RegionId, id);
            Assert.True(again == new RecomputeLights.Result(0, 0), $"{name}: the database would rewrite it ({again})");
            var (path, history) = await app.WithDbAsync(async db => (
                await db.WorkItems.IgnoreQueryFilters().Where(w => w.Id == id).Select(w => w.Path).SingleAsync(),
                await db.LightChanges.IgnoreQueryFilters().Where(c => c.WorkItemId == id).Select(c => new { c.From, c.To, c.Reason }).ToListAsync()));
            Assert.Equal($"/{id}/", path);
            if (light == Light.Grey)
            {
                Assert.Empty(history);
            }
            else
            {
                var change = Assert.Single(history);
                Assert.Equal((Light.Grey, light, reason), (change.From, change.To, change.Reason));
            }
        }
    }

    [Fact]
    public async Task A_ledger_with_rules_of_its_own_lights_its_tasks_by_them_on_create_and_after_an_edit()
    {
        var office = await app.Data.ApiClientAsync("duchashi");
        var today = Duban.Domain.RegionClock.Today(app.Clock, "Asia/Shanghai");
        var deadline = today.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var start = today.AddDays(-5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        async Task<int> Post(string url, object body)
        {
            var response = await office.PostAsJsonAsync(url, body);
            Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
        }

        var strict = await Post("/api/v1/ledgers", new { name = "严格清单" + Guid.NewGuid().ToString("N")[..4], year = today.Year, dueSoonDays = 30 });
        var plain = await Post("/api/v1/ledgers", new { name = "普通清单" + Guid.NewGuid().ToString("N")[..4], year = today.Year });
        var inStrict = await Post("/api/v1/tasks", new { ledgerId = strict, name = "严格任务", leadUnitId = app.Data.UnitA, startDate = start, deadline });
        var inPlain = await Post("/api/v1/tasks", new { ledgerId = plain, name = "普通任务", leadUnitId = app.Data.UnitA, startDate = start, deadline });

        Task<LightReason> ReasonOf(int id) => app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().Where(w => w.Id == id).Select(w => w.LightReason).SingleAsync());
        Assert.Equal(LightReason.DeadlineDueSoon, await ReasonOf(inStrict));
        Assert.Equal(LightReason.OnTrack, await ReasonOf(inPlain));

        // The ledger's rule relaxed: its task follows at once, the other ledger's is untouched.
        var edited = await office.PutAsJsonAsync($"/api/v1/ledgers/{strict}", new { name = "严格清单（调整）", year = today.Year, dueSoonDays = 10 });
        Assert.Equal(System.Net.HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(LightReason.OnTrack, await ReasonOf(inStrict));
        Assert.Equal(LightReason.OnTrack, await ReasonOf(inPlain));
    }
}

[Collection(OnSqlite.Name)]
public sealed class RecomputeLightsTestsOnSqlite(SqliteFactory app) : RecomputeLightsTests(app);

[Collection(OnPostgres.Name)]
public sealed class RecomputeLightsTestsOnPostgres(PostgresFactory app) : RecomputeLightsTests(app);
