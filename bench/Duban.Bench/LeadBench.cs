using System.Diagnostics;
using System.Globalization;
using Duban.Data;
using Duban.Domain;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Domain.Promotion;
using Duban.Domain.Work;
using Duban.Web.Features.Leads;
using Duban.Web.Features.Lights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Bench;

/// <summary>
/// Investment leads at province scale: 50,000 leads followed by the towns and departments of the 2,000 units
/// (a few units follow hundreds, most a handful), in the stages a real pipeline holds, ~500,000 contacts over
/// the last two years, one stage-change row per stage stay, and the light facts the items keep; the full
/// recompute lights them among the province's 100,000 tasks (<see cref="LoopGenerator"/>). Measures the pipeline board, a town liaison's list, a lead's page and the recompute.
/// Firms (企业库) are not built yet and are left out.
/// </summary>
public static class LeadBench
{
    /// <summary>The current stage's share of the pipeline, in per mille.</summary>
    private static readonly (LeadStage Stage, int PerMille)[] StageMix =
    [
        (LeadStage.Clue, 300), (LeadStage.Intent, 250), (LeadStage.Negotiating, 200), (LeadStage.Signed, 80),
        (LeadStage.Registered, 60), (LeadStage.Landed, 40), (LeadStage.Terminated, 70),
    ];

    private static readonly (string Chain, string[] Links)[] Chains =
    [
        ("新能源", ["储能电池", "光伏", "氢能装备", "风电"]),
        ("装备制造", ["汽车零部件", "工程机械", "数控机床"]),
        ("新材料", ["锂电材料", "铝基材料", "化工新材料"]),
        ("电子信息", ["集成电路", "显示面板", "智能终端"]),
        ("生物医药", ["医疗器械", "中药"]),
        ("农产品加工", ["预制菜", "茶叶", "粮油"]),
        ("现代物流", ["冷链", "仓储"]),
        ("文化旅游", []),
    ];

    private static readonly string[] Origins = ["广东深圳", "江苏苏州", "浙江杭州", "上海", "北京", "福建厦门", "山东青岛", "湖北武汉", "四川成都", "香港"];

    public sealed record Data(int Leads, int Contacts, int StageChanges, int LeadUnits, int HeaviestUnitLeads, int Items);

    public static async Task RunAsync(BenchApp app, string provider, int iterations, Stopwatch generate)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(generate);
        var regionId = await app.WithDbAsync(db => db.Regions.IgnoreQueryFilters().Where(r => r.Code == "990000").Select(r => r.Id).SingleAsync());
        var today = RegionClock.Today(TimeProvider.System, RegionClock.DefaultTimeZoneId);
        // The province's own work first (100,000 tasks, as the loop suite), so the recompute lights leads among it.
        var (tasks, _, _) = await LoopGenerator.GenerateAsync(app.Services);
        var load = Stopwatch.StartNew();
        var data = await app.WithDbAsync(db => GenerateAsync(db, regionId, today));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# Duban investment-leads benchmark — {provider}: {data.Leads:N0} leads over {data.LeadUnits:N0} units (the busiest follows {data.HeaviestUnitLeads:N0}), {data.Contacts:N0} contacts, {data.StageChanges:N0} stage stays; {data.Items:N0} work items in the region ({tasks:N0} tasks) (loaded in {load.Elapsed.TotalSeconds:F1} s; data ready in {generate.Elapsed.TotalSeconds:F0} s)"));
        Console.WriteLine();

        Console.WriteLine("| full light recompute | run | seconds | rows rewritten | lights changed |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        for (var run = 1; run <= 3; run++)
        {
            await RecomputeAsync(app, regionId, $"{run}{(run == 1 ? " (after the bulk load)" : " (steady state)")}", data);
        }

        var lights = await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters()
            .Where(w => w.RegionId == regionId && w.Kind == WorkItemKind.Lead)
            .GroupBy(w => new { w.Light, w.LightReason }).Select(g => new { g.Key.Light, g.Key.LightReason, Count = g.Count() }).ToListAsync());
        Console.WriteLine();
        Console.WriteLine("Lead lights: " + string.Join(", ", lights.OrderBy(l => l.Light).ThenBy(l => l.LightReason).Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Light}/{l.LightReason} {l.Count:N0}"))));
        if (lights.Any(l => l.LightReason == LightReason.NotStarted))
        {
            throw new InvalidOperationException("Some leads were not lit.");
        }

        // The readers: the office (whole province) and the liaison of the first town, who follows its leads.
        var (office, liaison, town, busiest) = await app.WithDbAsync(async db =>
        {
            var root = await db.Units.IgnoreQueryFilters().Where(u => u.RegionId == regionId && u.ParentId == null).Select(u => u.Id).SingleAsync();
            var t = await db.Users.IgnoreQueryFilters().Where(a => a.UserName == "bench-town").Select(a => a.UnitId!.Value).SingleAsync();
            var unit = await db.Units.IgnoreQueryFilters().Where(u => u.Id == t).Select(u => new { u.Id, u.Path }).SingleAsync();
            var person = await db.People.IgnoreQueryFilters().Where(p => p.UnitId == t && p.Title == "联络员").MinAsync(p => p.Id);
            // The town's lead with the most contacts: its page is the heaviest a liaison opens.
            var lead = await db.Leads.IgnoreQueryFilters()
                .Join(db.WorkItems.IgnoreQueryFilters().Where(w => w.LeadUnitId == t), x => x.WorkItemId, w => w.Id, (x, w) => new { x.Id, x.WorkItemId })
                .Select(x => new { x.WorkItemId, Contacts = db.LeadContacts.IgnoreQueryFilters().Count(c => c.LeadId == x.Id) })
                .OrderByDescending(x => x.Contacts).ThenBy(x => x.WorkItemId).FirstAsync();
            return (
                AccessScope.WholeRegion(regionId) with { Roles = [Roles.SupervisionOffice] },
                AccessScope.Subtrees(regionId, [unit.Path], person) with { Roles = [Roles.Liaison] },
                unit.Id,
                (lead.WorkItemId, lead.Contacts));
        });

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The town liaison's lead page: lead {busiest.WorkItemId} with {busiest.Contacts} contacts (the page shows the latest 200)."));
        Console.WriteLine();
        Console.WriteLine("| query (in process, one context per call) | as | rows | bytes (JSON) | p50 ms | p95 ms | max ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        var year = today.Year;
        await Timing.MeasureQueryAsync("LeadQueries.BoardAsync (pipeline board, whole province)", "office", iterations,
            () => app.WithDbAsync(db => LeadQueries.BoardAsync(db, office, year, today, null)), b => b.Total);
        await Timing.MeasureQueryAsync("LeadQueries.ListAsync (page 1)", "town liaison", iterations,
            () => app.WithDbAsync(db => LeadQueries.ListAsync(db, liaison, new LeadFilter())), p => p.Rows.Count);
        await Timing.MeasureQueryAsync("LeadQueries.ListAsync (light=Red, page 1)", "town liaison", iterations,
            () => app.WithDbAsync(db => LeadQueries.ListAsync(db, liaison, new LeadFilter { Light = Light.Red })), p => p.Rows.Count);
        await Timing.MeasureQueryAsync("LeadQueries.ListAsync (unitId=town, page 1)", "office", iterations,
            () => app.WithDbAsync(db => LeadQueries.ListAsync(db, office, new LeadFilter { UnitId = town })), p => p.Rows.Count);
        await Timing.MeasureQueryAsync("LeadQueries.DetailAsync (lead page)", "town liaison", iterations,
            () => app.WithDbAsync(db => LeadQueries.DetailAsync(db, liaison, busiest.WorkItemId, today)), d => d?.Contacts.Count ?? 0);

        // The same reads over the API: authentication, the scope from the account, JSON.
        Console.WriteLine();
        Console.WriteLine("| request | as | rows | bytes | p50 ms | p95 ms | max ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        var officeClient = await app.ClientAsync("bench-office");
        var townClient = await app.ClientAsync("bench-town");
        await Timing.MeasureAsync("GET /api/v1/leads/pipeline", "office", iterations, () => officeClient.GetAsync("/api/v1/leads/pipeline"), rowsOf: BoardRows);
        await Timing.MeasureAsync("GET /api/v1/leads (page 1)", "town liaison", iterations, () => townClient.GetAsync("/api/v1/leads"));
        await Timing.MeasureAsync("GET /api/v1/leads?light=Red", "town liaison", iterations, () => townClient.GetAsync("/api/v1/leads?light=Red"));
        await Timing.MeasureAsync("GET /api/v1/leads/{id}", "town liaison", iterations, () => townClient.GetAsync($"/api/v1/leads/{busiest.WorkItemId}"), rowsOf: DetailRows);

        Console.WriteLine();
        for (var run = 1; run <= 2; run++)
        {
            await RecomputeAsync(app, regionId, $"after the reads, {run}", data);
        }
    }

    private static async Task RecomputeAsync(BenchApp app, int regionId, string run, Data data)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sw = Stopwatch.StartNew();
        var result = await scope.ServiceProvider.GetRequiredService<RecomputeLights>().RunAsync(regionId);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {data.Items:N0} items ({data.Leads:N0} leads) | {run} | {sw.Elapsed.TotalSeconds:F2} | {result.Rewritten:N0} | {result.Changed:N0} |"));
    }

    /// <summary>The board's leads counted, refused when it counted none.</summary>
    private static string BoardRows(byte[] body)
    {
        using var json = System.Text.Json.JsonDocument.Parse(body);
        var total = json.RootElement.GetProperty("total").GetInt32();
        return total > 0 ? total.ToString("N0", CultureInfo.InvariantCulture) : throw new InvalidOperationException("The board counted no lead.");
    }

    /// <summary>The lead page's contacts, refused when it shows none.</summary>
    private static string DetailRows(byte[] body)
    {
        using var json = System.Text.Json.JsonDocument.Parse(body);
        var contacts = json.RootElement.GetProperty("contacts").GetArrayLength();
        return contacts > 0 ? contacts.ToString("N0", CultureInfo.InvariantCulture) : throw new InvalidOperationException("The lead page showed no contact.");
    }

    public static async Task<Data> GenerateAsync(DubanDb db, int regionId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        const int Count = 50_000;
        var itemCount = await db.WorkItems.IgnoreQueryFilters().CountAsync(w => w.RegionId == regionId);
        if (await db.Leads.IgnoreQueryFilters().AnyAsync(x => x.RegionId == regionId))
        {
            var leads = await db.Leads.IgnoreQueryFilters().CountAsync(x => x.RegionId == regionId);
            var perUnit = await db.WorkItems.IgnoreQueryFilters().Where(w => w.RegionId == regionId && w.Kind == WorkItemKind.Lead)
                .GroupBy(w => w.LeadUnitId).Select(g => g.Count()).ToListAsync();
            return new Data(leads, await db.LeadContacts.IgnoreQueryFilters().CountAsync(), await db.LeadStageChanges.IgnoreQueryFilters().CountAsync(), perUnit.Count, perUnit.Max(), itemCount);
        }

        var now = DateTime.UtcNow;
        var units = await db.Units.IgnoreQueryFilters().Where(u => u.RegionId == regionId).OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.Path, u.ParentId, u.Kind }).ToListAsync();
        var leaders = await db.People.IgnoreQueryFilters().Where(p => p.RegionId == regionId && p.IsLeader).GroupBy(p => p.UnitId).Select(g => new { g.Key, Id = g.Min(p => p.Id) }).ToDictionaryAsync(x => x.Key, x => x.Id);
        var liaisons = await db.People.IgnoreQueryFilters().Where(p => p.RegionId == regionId && p.Title == "联络员").GroupBy(p => p.UnitId).Select(g => new { g.Key, Id = g.Min(p => p.Id) }).ToDictionaryAsync(x => x.Key, x => x.Id);
        var townUnit = await db.Users.IgnoreQueryFilters().Where(a => a.UserName == "bench-town").Select(a => a.UnitId!.Value).SingleAsync();

        // The region's industry chain, through the context (35 nodes).
        var nodes = new List<(int Id, string Name)>();
        var order = 0;
        foreach (var (chain, links) in Chains)
        {
            var node = new IndustryNode { RegionId = regionId, Name = chain, SortOrder = order++ };
            db.IndustryNodes.Add(node);
            await db.SaveChangesAsync();
            nodes.Add((node.Id, chain));
            var children = links.Select(l => new IndustryNode { RegionId = regionId, ParentId = node.Id, Name = l, SortOrder = order++ }).ToList();
            db.IndustryNodes.AddRange(children);
            await db.SaveChangesAsync();
            nodes.AddRange(children.Select(c => (c.Id, chain)));
        }

        var ledger = new Ledger { RegionId = regionId, Name = "招商引资项目台账", Year = today.Year, SourceKind = SourceKind.Other };
        db.Ledgers.Add(ledger);
        await db.SaveChangesAsync();

        // Following units: the towns and departments, skewed like reality (a development zone's 招商局 follows
        // hundreds, most towns a handful): Zipf weights over a shuffled order, the bench town fifth.
        var random = new Random(17);
        var candidates = units.Where(u => u.Kind is UnitKind.TownOrStreet or UnitKind.Department).OrderBy(_ => random.Next()).ToList();
        var town = candidates.First(u => u.Id == townUnit);
        candidates.Remove(town);
        candidates.Insert(4, town);
        var weights = candidates.Select((_, rank) => 1 / Math.Pow(rank + 1, 0.8)).ToArray();
        var cumulative = new double[weights.Length];
        var sum = 0d;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
        }

        var unitsById = units.ToDictionary(u => u.Id);
        var firstItem = (await db.WorkItems.IgnoreQueryFilters().MaxAsync(w => (int?)w.Id) ?? 0) + 1;
        var firstLead = (await db.Leads.IgnoreQueryFilters().MaxAsync(x => (int?)x.Id) ?? 0) + 1;
        var items = new List<object?[]>(Count);
        var leadRows = new List<object?[]>(Count);
        var contacts = new List<object?[]>(Count * 10);
        var changes = new List<object?[]>(Count * 3);
        var perUnitCount = new Dictionary<int, int>();
        var townHasLongLead = false;
        for (var i = 0; i < Count; i++)
        {
            var at = Array.BinarySearch(cumulative, random.NextDouble() * sum);
            var unit = candidates[Math.Min(candidates.Count - 1, at < 0 ? ~at : at)];
            perUnitCount[unit.Id] = perUnitCount.GetValueOrDefault(unit.Id) + 1;
            var stage = Pick(random);
            var (nodeId, chain) = nodes[random.Next(nodes.Count)];
            var registered = today.AddDays(-random.Next(stage is LeadStage.Clue ? 0 : 60, 730));
            var span = today.DayNumber - registered.DayNumber;

            var lead = new Lead
            {
                Id = firstLead + i,
                RegionId = regionId,
                WorkItemId = firstItem + i,
                Investor = $"投资方{i + 1:00000}有限公司",
                InvestorOrigin = Origins[i % Origins.Length],
                IndustryNodeId = nodeId,
                Industry = chain,
                Source = (LeadSource)(i % 8),
                PlannedInvestment = random.Next(2, 500) * 1_000m,
            };
            lead.Start(registered);
            var stays = new List<(LeadStage Stage, int On, int? Left)> { (LeadStage.Clue, registered.DayNumber, null) };
            void Moved()
            {
                var last = stays[^1];
                stays[^1] = last with { Left = Math.Max(last.On, lead.StageSince.DayNumber) };
                stays.Add((lead.Stage, lead.StageSince.DayNumber, lead.IsOpen ? null : lead.StageSince.DayNumber));
            }

            // The stages it passed, spread over the first two thirds of its life; signing after that.
            var reached = stage switch
            {
                LeadStage.Landed => LeadStage.Registered,
                LeadStage.Terminated => (LeadStage)random.Next(0, 3),
                _ => stage,
            };
            var path = new[] { LeadStage.Intent, LeadStage.Negotiating, LeadStage.Signed, LeadStage.Registered }.Where(s => s <= reached).ToList();
            for (var p = 0; p < path.Count; p++)
            {
                var on = registered.AddDays(span * 2 * (p + 1) / (3 * (path.Count + 1)));
                if (lead.Advance(path[p], on, today, path[p] == LeadStage.Signed ? lead.PlannedInvestment : null) is { } refused)
                {
                    throw new InvalidOperationException($"Lead {i}: {refused}");
                }

                Moved();
            }

            // Contacts: ~10 a lead (1–19), the latest as recent as its light should be — most followed within
            // the month, some going stale, a few long forgotten; closed leads stopped when they closed.
            var gap = random.Next(100) switch
            {
                < 60 => random.Next(0, 30),
                < 85 => random.Next(30, 60),
                _ => random.Next(60, 200),
            };
            gap = Math.Min(gap, span);
            var lastContact = today.AddDays(-gap);
            var n = 1 + random.Next(19);
            if (i % 997 == 0 || (unit.Id == townUnit && !townHasLongLead))
            {
                townHasLongLead |= unit.Id == townUnit;
                n = 120 + random.Next(200); // a few leads followed for years, meeting after meeting
            }

            var days = Enumerable.Range(0, n - 1).Select(_ => registered.AddDays(random.Next(0, Math.Max(1, lastContact.DayNumber - registered.DayNumber + 1)))).Append(lastContact).Order().ToList();
            var liaison = liaisons.GetValueOrDefault(unit.Id);
            for (var c = 0; c < days.Count; c++)
            {
                var latest = c == days.Count - 1;
                DateOnly? due = latest && random.Next(2) == 0 ? days[c].AddDays(random.Next(7, 45)) : null;
                var next = due is null ? null : "再次上门对接，确认选址和用地需求";
                lead.Contacted(days[c], next, due, today);
                contacts.Add([
                    regionId, lead.Id, days[c], ((LeadContactKind)(c % 4)).ToString(), $"联络员、{lead.Investor}投资部",
                    c == 0 ? "初步介绍项目意向和产业政策、要素保障情况。" : "就用地、厂房和配套政策深入洽谈，对方要求提供标准化厂房方案。",
                    next, due, liaison == 0 ? null : liaison, now.AddDays(days[c].DayNumber - today.DayNumber),
                ]);
            }

            if (stage == LeadStage.Terminated)
            {
                lead.Terminate("投资方调整投资计划", lastContact, today);
                Moved();
            }
            else if (stage == LeadStage.Landed)
            {
                // Landing makes a key project in the app; the bench keeps no project, so the row stores none.
                lead.Land(lastContact < lead.StageSince ? lead.StageSince : lastContact, lead.WorkItemId, today);
                Moved();
            }

            var item = new WorkItem
            {
                Id = lead.WorkItemId,
                RegionId = regionId,
                LedgerId = ledger.Id,
                Kind = WorkItemKind.Lead,
                Number = (i + 1).ToString(CultureInfo.InvariantCulture),
                Name = $"招商项目{i + 1:00000}：{chain}产业链项目",
                LeadUnitId = unit.Id,
                LeadUnitPath = unit.Path,
                LeaderId = leaders.GetValueOrDefault(unit.ParentId ?? unit.Id) is var leader and > 0 ? leader : null,
                LiaisonId = liaison == 0 ? null : liaison,
                StartDate = registered,
                Section = chain,
                CreatedAt = now.AddDays(registered.DayNumber - today.DayNumber),
                SourceKind = SourceKind.Other,
            };
            item.ReportOn(ReportingCadence.DefaultFor(WorkItemKind.Lead));
            item.Begin(today);
            item.FollowLead(lead, registered);
            items.Add([
                item.Id, regionId, ledger.Id, null, $"/{item.Id}/", "Lead", item.Number, item.Name, null, "Other", null, item.LeadUnitId, item.LeadUnitPath,
                item.LeaderId, item.LiaisonId, item.StartDate, null, item.StartDay, null, item.CadenceKind.ToString(), item.CadenceDay, item.CadenceHour, null,
                item.Status.ToString(), item.ClosedOn, "Grey", "NotStarted", "Grey", 0, item.CreatedAt, 0, 0, item.Section,
                item.LeadLastContactDay, item.LeadNextStepDue, item.LeadSignedDay,
            ]);
            leadRows.Add([
                lead.Id, regionId, lead.WorkItemId, lead.Investor, lead.InvestorOrigin, lead.IndustryNodeId, lead.Industry, lead.Source.ToString(), null, lead.PlannedInvestment,
                lead.Stage.ToString(), lead.HighestStage.ToString(), lead.StageSince, lead.StageBeforeTermination?.ToString(), lead.FirstContactOn, lead.LastContactOn,
                lead.NextStep, lead.NextStepDue, lead.SignedOn, lead.SignedAmount, lead.RegisteredOn, lead.LandedOn, lead.TerminatedOn, lead.TerminationReason, null,
            ]);
            changes.AddRange(stays.Select(s => new object?[] { regionId, lead.Id, s.Stage.ToString(), s.On, s.Left }));
        }

        await BulkLoader.LoadAsync(db, "WorkItems",
        [
            "Id", "RegionId", "LedgerId", "ParentId", "Path", "Kind", "Number", "Name", "Content", "SourceKind", "SourceTitle", "LeadUnitId", "LeadUnitPath",
            "LeaderId", "LiaisonId", "StartDate", "Deadline", "StartDay", "DeadlineDay", "CadenceKind", "CadenceDay", "CadenceHour", "NextReportDueAt",
            "Status", "ClosedOn", "Light", "LightReason", "PreviousLight", "OverdueProblems", "CreatedAt", "ExtensionCount", "AdjustmentCount", "Section",
            "LeadLastContactDay", "LeadNextStepDue", "LeadSignedDay",
        ], items);
        await BulkLoader.ResetSequenceAsync(db, "WorkItems");
        await BulkLoader.LoadAsync(db, "Leads",
        [
            "Id", "RegionId", "WorkItemId", "Investor", "InvestorOrigin", "IndustryNodeId", "Industry", "Source", "SourceText", "PlannedInvestment",
            "Stage", "HighestStage", "StageSince", "StageBeforeTermination", "FirstContactOn", "LastContactOn",
            "NextStep", "NextStepDue", "SignedOn", "SignedAmount", "RegisteredOn", "LandedOn", "TerminatedOn", "TerminationReason", "ProjectWorkItemId",
        ], leadRows);
        await BulkLoader.ResetSequenceAsync(db, "Leads");
        await BulkLoader.LoadAsync(db, "LeadContacts", ["RegionId", "LeadId", "On", "Kind", "People", "Agreed", "NextStep", "NextStepDue", "RecordedById", "RecordedAt"], contacts);
        await BulkLoader.LoadAsync(db, "LeadStageChanges", ["RegionId", "LeadId", "Stage", "OnDay", "LeftDay"], changes);
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return new Data(Count, contacts.Count, changes.Count, perUnitCount.Count, perUnitCount.Values.Max(), itemCount + Count);
    }

    private static LeadStage Pick(Random random)
    {
        var r = random.Next(1000);
        foreach (var (stage, perMille) in StageMix)
        {
            if ((r -= perMille) < 0)
            {
                return stage;
            }
        }

        return LeadStage.Clue;
    }
}
