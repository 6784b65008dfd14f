using Duban.Data;
using Duban.Domain.Organisation;
using Duban.Domain.Promotion;
using Duban.Domain.Work;
using Duban.Web.Features.Lights;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Setup;

/// <summary>
/// The demo county's firm register and firms' needs: the owners of its industrial key projects as key firms, each
/// with a steward, and a few more firms; needs in every state — closed after a satisfied rating, re-opened after
/// 不满意, answered and awaiting the firm's rating, overdue with its unit (red), and newly assigned.
/// </summary>
internal static class DemoFirms
{
    private sealed record FirmPlan(string Name, string Industry, string Town, bool Key, string StewardUnit);

    private sealed record NeedPlan(string Firm, string Name, ProblemCause Category, NeedSource Source, string Unit, int RegisteredDaysAgo, int DeadlineInDays, Satisfaction[] Ratings, bool Answered, bool Closed);

    private static readonly FirmPlan[] Others =
    [
        new("青山精密机械制造有限公司", "装备制造", "河口镇", true, "县工业和信息化局"),
        new("青山绿源食品有限公司", "农产品加工", "城关镇", false, "城关镇"),
        new("青石茶业发展有限公司", "农产品加工", "青石镇", false, "青石镇"),
    ];

    private static readonly NeedPlan[] Needs =
    [
        new("青山精密机械制造有限公司", "扩产急需技术工人120名", ProblemCause.Labour, NeedSource.Visit, "县人力资源和社会保障局", 75, -40, [Satisfaction.Satisfied], Answered: true, Closed: true),
        new("青山精密机械制造有限公司", "申请技改项目贴息贷款", ProblemCause.Funds, NeedSource.Steward, "县财政局", 50, 10, [Satisfaction.Unsatisfied], Answered: false, Closed: false),
        new("青山绿源食品有限公司", "厂区门前道路破损影响物流车辆通行", ProblemCause.Infrastructure, NeedSource.Hotline, "城关镇", 30, 5, [], Answered: true, Closed: false),
        new("青石茶业发展有限公司", "有机茶认证和品牌推广需要支持", ProblemCause.Market, NeedSource.Platform, "县商务局", 45, -6, [], Answered: false, Closed: false),
        new("青山绿源食品有限公司", "冷库建设用地报批", ProblemCause.Land, NeedSource.Visit, "县自然资源和规划局", 3, 27, [], Answered: false, Closed: false),
    ];

    public static async Task SeedAsync(IServiceProvider services, int regionId, IReadOnlyDictionary<string, Unit> units, IReadOnlyList<Person> people)
    {
        var db = services.GetRequiredService<DubanDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var utcNow = clock.GetUtcNow().UtcDateTime;
        var today = Domain.RegionClock.Today(clock, Domain.RegionClock.DefaultTimeZoneId);
        Person? LiaisonOf(string unit) => people.FirstOrDefault(p => p.UnitId == units[unit].Id && p.Title == "联络员");

        // The owners of the county's industrial key projects are its key firms; their steward is the project's.
        var owners = await db.Projects.Where(p => p.RegionId == regionId && p.OwnerCompany != null)
            .Join(db.WorkItems, p => p.WorkItemId, w => w.Id, (p, w) => new { Owner = p.OwnerCompany!, p.IndustryChain, p.TownUnitId, w.LiaisonId })
            .ToListAsync();
        var firms = new Dictionary<string, Firm>(StringComparer.Ordinal);
        foreach (var owner in owners.GroupBy(o => o.Owner).Select(g => g.First()))
        {
            firms[owner.Owner] = new Firm
            {
                RegionId = regionId,
                Name = owner.Owner,
                Industry = owner.IndustryChain,
                TownUnitId = owner.TownUnitId,
                IsKey = true,
                StewardId = owner.LiaisonId,
                RegisteredOn = today.AddDays(-400),
            };
        }

        foreach (var plan in Others)
        {
            firms[plan.Name] = new Firm
            {
                RegionId = regionId,
                Name = plan.Name,
                Industry = plan.Industry,
                TownUnitId = units[plan.Town].Id,
                IsKey = plan.Key,
                StewardId = LiaisonOf(plan.StewardUnit)?.Id,
                ContactName = "王经理",
                ContactPhone = "0731-8888" + (1000 + firms.Count).ToString(System.Globalization.CultureInfo.InvariantCulture),
                RegisteredOn = today.AddDays(-200),
            };
        }

        db.Firms.AddRange(firms.Values);
        var ledger = new Ledger { RegionId = regionId, Name = $"{today.Year}年企业诉求台账", Year = today.Year, SourceKind = SourceKind.Other };
        db.Ledgers.Add(ledger);
        await db.SaveChangesAsync();

        var n = 0;
        foreach (var plan in Needs)
        {
            var unit = units[plan.Unit];
            var registered = today.AddDays(-plan.RegisteredDaysAgo);
            var item = new WorkItem
            {
                RegionId = regionId,
                LedgerId = ledger.Id,
                Kind = WorkItemKind.Problem,
                Number = (++n).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Name = plan.Name,
                Content = $"{plan.Firm}反映：{plan.Name}。",
                LeadUnitId = unit.Id,
                LeadUnitPath = unit.Path,
                LiaisonId = LiaisonOf(plan.Unit)?.Id,
                ProblemCause = plan.Category,
                Section = plan.Firm,
                StartDate = registered,
                Deadline = today.AddDays(plan.DeadlineInDays),
                CreatedAt = utcNow.AddDays(-plan.RegisteredDaysAgo),
            };
            item.ReportOn(ReportingCadence.Default(CadenceKind.None));
            item.Begin(today);
            db.WorkItems.Add(item);
            await db.SaveChangesAsync();
            item.PlaceUnder((WorkItem?)null);

            var need = new FirmNeed { RegionId = regionId, WorkItemId = item.Id, FirmId = firms[plan.Firm].Id, Source = plan.Source };
            need.Open(utcNow.AddDays(-plan.RegisteredDaysAgo));
            db.FirmNeeds.Add(need);
            await db.SaveChangesAsync();

            // Each rated round had an answer before its rating; a re-opened need starts its next round at the rating.
            var day = plan.RegisteredDaysAgo;
            foreach (var rating in plan.Ratings)
            {
                day = Math.Max(1, day - 10);
                Answer(db, item, unit, utcNow.AddDays(-day), rating == Satisfaction.Unsatisfied ? "已对接合作银行，企业需补充近三年财务报表后再行申报。" : "已组织专场招聘会两场，企业招到技术工人126名。");
                day = Math.Max(1, day - 3);
                var round = need.Round;
                need.Rate(item, rating, today.AddDays(plan.DeadlineInDays), today.AddDays(-day), utcNow.AddDays(-day));
                db.NeedRatings.Add(new NeedRating
                {
                    RegionId = regionId,
                    FirmNeedId = need.Id,
                    Round = round,
                    Satisfaction = rating,
                    Comment = rating == Satisfaction.Unsatisfied ? "只给了申报要求，贴息何时能落实没有答复。" : "问题解决及时。",
                    RatedOn = today.AddDays(-day),
                    RatedAt = utcNow.AddDays(-day),
                    RatedByName = "县委督查室",
                });
            }

            if (plan.Answered && plan.Ratings.Length == 0)
            {
                Answer(db, item, unit, utcNow.AddDays(-2), "已安排施工队进场修补，预计一周内完工。");
            }

            if (plan.Closed)
            {
                need.Close(item, today.AddDays(-Math.Max(1, day - 1)));
            }

            await db.SaveChangesAsync();
        }

        await services.GetRequiredService<RecomputeLights>().RunAsync(regionId);
    }

    private static void Answer(DubanDb db, WorkItem item, Unit unit, DateTime at, string done)
    {
        var report = new ProgressReport { RegionId = item.RegionId, WorkItemId = item.Id, SubmittedAt = at, SubmittedByName = unit.ShortName ?? unit.Name, Done = done };
        db.ProgressReports.Add(report);
        item.LastReportAt = at;
    }
}
