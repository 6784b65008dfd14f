using Duban.Data;
using Duban.Domain.Organisation;
using Duban.Domain.Promotion;
using Duban.Domain.Work;
using Duban.Web.Features.Lights;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Setup;

/// <summary>
/// The demo county's investment leads, shaped like the office's ledger: eight leads over the stages and
/// lights — one long without a contact (red), one stale (yellow), one with its next step overdue, one signed
/// months ago and not landed, one terminated, one landed as the county's battery park — each with contacts,
/// its stage history and its following unit, attached leader and person following it; and a small industry chain.
/// </summary>
internal static class DemoLeads
{
    private sealed record Plan(string Name, string Investor, string Origin, string Industry, decimal Planned, LeadSource Source, string Unit, string Leader,
        LeadStage Stage, int RegisteredDaysAgo, int LastContactDaysAgo, int? NextStepInDays, int? SignedDaysAgo = null, string? Terminated = null, bool Landed = false);

    private static readonly Plan[] Plans =
    [
        new("年产5GWh储能电池项目", "某新能源科技股份有限公司", "江苏常州", "新能源", 300_000m, LeadSource.ThroughFirms, "开发区招商服务局", "张卫东", LeadStage.Signed, 300, 6, 20, SignedDaysAgo: 16),
        new("风电装备零部件生产基地", "某重工集团", "上海", "装备制造", 125_000m, LeadSource.Resident, "县工业和信息化局", "张卫东", LeadStage.Negotiating, 240, 38, null),
        new("光伏组件边框项目", "某铝业有限公司", "浙江宁波", "新材料", 32_000m, LeadSource.Trip, "河口镇", "李明华", LeadStage.Intent, 120, 72, null),
        new("青山经济开发区新能源电池产业园", "某动力电池集团", "广东深圳", "新能源", 500_000m, LeadSource.IndustryChain, "开发区招商服务局", "王建国", LeadStage.Landed, 420, 130, null, SignedDaysAgo: 200, Landed: true),
        new("预制菜中央厨房项目", "某食品有限公司", "山东临沂", "农产品加工", 28_000m, LeadSource.Online, "城关镇", "陈晓燕", LeadStage.Negotiating, 150, 10, -4),
        new("茶叶精深加工及文旅综合体", "某茶业集团", "福建安溪", "农产品加工", 60_000m, LeadSource.Kinship, "青石镇", "陈晓燕", LeadStage.Terminated, 330, 250, null, Terminated: "投资方资金链紧张，暂停投资计划"),
        new("锂电池隔膜材料项目", "某新材料股份公司", "湖南长沙", "新材料", 80_000m, LeadSource.Fair, "城关镇", "张卫东", LeadStage.Registered, 260, 12, 30, SignedDaysAgo: 130),
        new("冷链物流分拨中心", "某供应链管理公司", "河南郑州", "现代物流", 15_000m, LeadSource.Other, "县商务局", "李明华", LeadStage.Clue, 20, 20, 25),
    ];

    private static readonly (string Chain, string[] Links)[] Chains =
    [
        ("新能源", ["储能电池", "氢能装备", "光伏"]),
        ("装备制造", ["风电装备", "汽车零部件"]),
        ("新材料", ["锂电材料", "铝基材料"]),
        ("农产品加工", ["预制菜", "茶叶"]),
        ("现代物流", []),
    ];

    public static async Task SeedAsync(IServiceProvider services, int regionId, IReadOnlyDictionary<string, Unit> units, IReadOnlyList<Person> people)
    {
        var db = services.GetRequiredService<DubanDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var utcNow = clock.GetUtcNow().UtcDateTime;
        var today = Domain.RegionClock.Today(clock, Domain.RegionClock.DefaultTimeZoneId);
        var order = 0;
        var chains = new Dictionary<string, IndustryNode>(StringComparer.Ordinal);
        foreach (var (chain, links) in Chains)
        {
            var node = new IndustryNode { RegionId = regionId, Name = chain, SortOrder = order++ };
            db.IndustryNodes.Add(node);
            await db.SaveChangesAsync();
            chains[chain] = node;
            foreach (var link in links)
            {
                db.IndustryNodes.Add(new IndustryNode { RegionId = regionId, ParentId = node.Id, Name = link, SortOrder = order++ });
            }
        }

        var ledger = new Ledger { RegionId = regionId, Name = "招商引资项目台账", Year = today.Year, SourceKind = SourceKind.Other };
        db.Ledgers.Add(ledger);
        await db.SaveChangesAsync();
        // The landed lead is the battery park of the project library: its agreement and start are the project's.
        var battery = await db.Projects.Where(p => p.RegionId == regionId && p.SignedOn != null && p.StartedOn != null)
            .Join(db.WorkItems.Where(w => w.Name.Contains("电池")), p => p.WorkItemId, w => w.Id, (p, w) => new { w.Id, p.SignedOn, p.StartedOn }).FirstOrDefaultAsync();
        var n = 0;
        foreach (var template in Plans)
        {
            var plan = template.Landed && battery is not null
                ? template with { SignedDaysAgo = today.DayNumber - battery.SignedOn!.Value.DayNumber, RegisteredDaysAgo = today.DayNumber - battery.SignedOn!.Value.DayNumber + 120, LastContactDaysAgo = today.DayNumber - battery.StartedOn!.Value.DayNumber }
                : template;
            var unit = units[plan.Unit];
            var registered = today.AddDays(-plan.RegisteredDaysAgo);
            var item = new WorkItem
            {
                RegionId = regionId,
                LedgerId = ledger.Id,
                Kind = WorkItemKind.Lead,
                Number = (++n).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Name = plan.Name,
                LeadUnitId = unit.Id,
                LeadUnitPath = unit.Path,
                LeaderId = people.First(p => p.Name == plan.Leader).Id,
                LiaisonId = people.First(p => p.UnitId == unit.Id && p.Title == "联络员").Id,
                StartDate = registered,
                Section = plan.Industry,
                CreatedAt = utcNow.AddDays(-plan.RegisteredDaysAgo),
            };
            item.ReportOn(ReportingCadence.DefaultFor(WorkItemKind.Lead));
            item.Begin(today);
            db.WorkItems.Add(item);
            await db.SaveChangesAsync();
            item.PlaceUnder((WorkItem?)null);

            var lead = new Lead
            {
                RegionId = regionId,
                WorkItemId = item.Id,
                Investor = plan.Investor,
                InvestorOrigin = plan.Origin,
                Industry = plan.Industry,
                IndustryNodeId = chains.GetValueOrDefault(plan.Industry)?.Id,
                Source = plan.Source,
                PlannedInvestment = plan.Planned,
            };
            lead.Start(registered);
            db.Leads.Add(lead);
            await db.SaveChangesAsync();
            var open = LeadStageChange.Next(null, lead, registered);
            db.LeadStageChanges.Add(open);

            // The stages it passed, spread between registration and signing (or today).
            var end = plan.SignedDaysAgo is { } s ? today.AddDays(-s) : today.AddDays(-Math.Min(plan.LastContactDaysAgo, plan.RegisteredDaysAgo / 2));
            var path = new[] { LeadStage.Intent, LeadStage.Negotiating, LeadStage.Signed, LeadStage.Registered }
                .Where(st => st <= (plan.Stage is LeadStage.Landed or LeadStage.Terminated ? (plan.Landed ? LeadStage.Registered : LeadStage.Negotiating) : plan.Stage)).ToList();
            for (var i = 0; i < path.Count; i++)
            {
                var on = path[i] >= LeadStage.Signed && plan.SignedDaysAgo is { } signed
                    ? today.AddDays(-signed + ((path[i] - LeadStage.Signed) * Math.Max(1, signed / 3)))
                    : registered.AddDays((end.DayNumber - registered.DayNumber) * (i + 1) / (path.Count + 1));
                if (plan.Landed && battery is not null && path[i] == LeadStage.Registered)
                {
                    on = battery.SignedOn!.Value.AddDays((battery.StartedOn!.Value.DayNumber - battery.SignedOn.Value.DayNumber) / 2);
                }

                lead.Advance(path[i], on, today, path[i] == LeadStage.Signed ? plan.Planned : null);
                open = LeadStageChange.Next(open, lead, on);
                db.LeadStageChanges.Add(open);
            }

            // Contacts: a first visit at registration, one in between, and the latest.
            var contacts = new[] { plan.RegisteredDaysAgo, (plan.RegisteredDaysAgo + plan.LastContactDaysAgo) / 2, plan.LastContactDaysAgo }.Distinct().ToList();
            for (var i = 0; i < contacts.Count; i++)
            {
                var on = today.AddDays(-contacts[i]);
                var last = i == contacts.Count - 1;
                var nextDue = last && plan.NextStepInDays is { } d ? today.AddDays(d) : (DateOnly?)null;
                var nextStep = last && plan.NextStepInDays is not null ? NextStepOf(plan.Stage) : null;
                db.LeadContacts.Add(new LeadContact
                {
                    RegionId = regionId,
                    LeadId = lead.Id,
                    On = on,
                    Kind = i == 0 ? LeadContactKind.Visit : i == 1 ? LeadContactKind.Received : LeadContactKind.Meeting,
                    People = $"{plan.Leader}、{plan.Unit}负责人；{plan.Investor}投资部",
                    Agreed = i == 0 ? "初步介绍项目意向和我县产业政策、要素保障情况。" : last ? LatestOf(plan.Stage) : "对方来县实地考察选址，就用地、厂房和配套政策深入洽谈。",
                    NextStep = nextStep,
                    NextStepDue = nextDue,
                    RecordedById = item.LiaisonId,
                    RecordedAt = utcNow.AddDays(-contacts[i]),
                });
                lead.Contacted(on, nextStep, nextDue, today.AddDays(60));
            }

            if (plan.Terminated is { } reason)
            {
                lead.Terminate(reason, today.AddDays(-plan.LastContactDaysAgo + 30), today);
                open = LeadStageChange.Next(open, lead, lead.StageSince);
                db.LeadStageChanges.Add(open);
            }

            if (plan.Landed && battery is not null)
            {
                lead.Land(battery.StartedOn!.Value, battery.Id, today);
                open = LeadStageChange.Next(open, lead, lead.StageSince);
                db.LeadStageChanges.Add(open);
            }

            item.FollowLead(lead, registered);
            await db.SaveChangesAsync();
        }

        await services.GetRequiredService<RecomputeLights>().RunAsync(regionId);
    }

    private static string NextStepOf(LeadStage stage) => stage switch
    {
        LeadStage.Clue => "组织专班上门对接，摸清投资需求",
        LeadStage.Negotiating => "提供标准化厂房选址方案，再次洽谈",
        LeadStage.Signed => "完成公司注册，推进用地组卷",
        LeadStage.Registered => "办理施工许可，年底前开工",
        _ => "跟进对方决策进展",
    };

    private static string LatestOf(LeadStage stage) => stage switch
    {
        LeadStage.Signed => "签订投资协议，拟下月注册公司，用地正在组卷。",
        LeadStage.Registered => "项目公司已注册，施工图审查中。",
        LeadStage.Landed => "已注册公司并开工，转入重点项目库管理。",
        LeadStage.Terminated => "对方因资金问题暂停投资计划。",
        _ => "已完成新一轮洽谈，对方要求提供标准化厂房和人才公寓。",
    };
}
