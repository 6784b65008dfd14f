using Duban.Data;
using Duban.Domain.Organisation;
using Duban.Domain.Projects;
using Duban.Domain.Work;
using Duban.Web.Features.Lights;

namespace Duban.Web.Setup;

/// <summary>
/// The demo county's project library: eight projects spread over the pools, stages and lights (one far behind
/// on investment, one not started months after its plan, one with an overdue problem), their year plans and
/// monthly investment, three problems, and a made-up boundary for the map board. Coordinates are invented.
/// </summary>
public static class DemoProjects
{
    private sealed record Plan(
        string Number, string Name, string Lead, string Leader, ProjectCategory Category, ProjectNature Nature, ProjectPool Pool,
        decimal Total, decimal? YearPlan, int DonePercent, int SignedOffset, int? StartedOffset, int StartPlannedOffset,
        double Longitude, double Latitude, string Town, string Scale);

    private static readonly Plan[] Projects =
    [
        new("1", "青山经济开发区新能源电池产业园", "开发区招商服务局", "张卫东", ProjectCategory.Industrial, ProjectNature.Continuing, ProjectPool.Implementation,
            120_000, 30_000, 86, -400, -300, -300, 113.42, 28.30, "东山街道", "年产 10GWh 锂电池电芯及模组，建设厂房 26 万平方米"),
        new("2", "县城北部污水处理厂扩建", "县住房和城乡建设局", "李明华", ProjectCategory.Infrastructure, ProjectNature.New, ProjectPool.Implementation,
            18_000, 8_000, 37, -260, -200, -200, 113.28, 28.36, "城关镇", "新增日处理能力 3 万吨及配套管网 12 公里"),
        new("3", "G235 国道青山段改扩建", "县交通运输局", "李明华", ProjectCategory.Infrastructure, ProjectNature.Continuing, ProjectPool.Implementation,
            260_000, 50_000, 72, -700, -600, -600, 113.18, 28.22, "河口镇", "一级公路 38 公里"),
        new("4", "县人民医院门诊综合楼", "县卫生健康局", "王建国", ProjectCategory.Social, ProjectNature.New, ProjectPool.Implementation,
            32_000, 12_000, 80, -330, -250, -250, 113.31, 28.33, "城关镇", "门诊综合楼 4.2 万平方米，床位 400 张"),
        new("5", "河口镇农产品冷链物流中心", "河口镇", "陈晓燕", ProjectCategory.Industrial, ProjectNature.New, ProjectPool.Implementation,
            9_500, 4_000, 0, -150, null, -125, 113.12, 28.12, "河口镇", "冷库 2 万吨及分拣配送中心"),
        new("6", "青石镇分布式光伏发电项目", "县发展和改革局", "王建国", ProjectCategory.Industrial, ProjectNature.New, ProjectPool.Implementation,
            15_000, 6_000, 78, -200, -160, -160, 113.50, 28.10, "青石镇", "屋顶及农光互补光伏 60 兆瓦"),
        new("7", "白沙乡乡村振兴示范片", "县农业农村局", "陈晓燕", ProjectCategory.Social, ProjectNature.Preparatory, ProjectPool.Reserve,
            6_800, null, 0, -60, null, 120, 113.05, 28.40, "白沙乡", "高标准农田 1.2 万亩及人居环境整治"),
        new("8", "东山街道老旧小区改造", "县住房和城乡建设局", "李明华", ProjectCategory.Social, ProjectNature.Continuing, ProjectPool.Implementation,
            5_200, 5_000, 84, -300, -280, -280, 113.38, 28.27, "东山街道", "改造小区 23 个、1860 户"),
    ];

    /// <summary>A made-up outline of 青山县 (WGS-84), enough for the map board to draw a region.</summary>
    public const string Boundary = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"青山县"},"geometry":{"type":"Polygon","coordinates":[[
        [113.00,28.05],[113.10,27.98],[113.28,28.00],[113.45,27.97],[113.60,28.05],[113.63,28.20],[113.58,28.34],
        [113.48,28.45],[113.30,28.50],[113.12,28.47],[113.02,28.38],[112.97,28.22],[113.00,28.05]]]}}]}
        """;

    public static async Task SeedAsync(IServiceProvider services, int regionId, IReadOnlyDictionary<string, Unit> units, IReadOnlyList<Person> people)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(people);
        var db = services.GetRequiredService<DubanDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var utcNow = clock.GetUtcNow().UtcDateTime;
        var today = Domain.RegionClock.Today(clock, Domain.RegionClock.DefaultTimeZoneId);
        var ledger = new Ledger { RegionId = regionId, Name = $"{today.Year}年县级重点项目库", Year = today.Year, SourceKind = SourceKind.Document, SourceTitle = "县重点项目建设工作方案" };
        db.Ledgers.Add(ledger);
        db.RegionMaps.Add(new RegionMap { RegionId = regionId, GeoJson = Boundary, FileName = "qingshan.geojson", UploadedAt = utcNow });
        await db.SaveChangesAsync();

        var items = new Dictionary<string, WorkItem>(StringComparer.Ordinal);
        foreach (var plan in Projects)
        {
            var lead = units[plan.Lead];
            var steward = people.FirstOrDefault(p => p.UnitId == lead.Id && p.Title == "联络员");
            var project = new Project
            {
                RegionId = regionId,
                Pool = plan.Pool,
                Nature = plan.Nature,
                Category = plan.Category,
                Level = ProjectLevel.County,
                OwnerCompany = plan.Category == ProjectCategory.Industrial ? "青山" + plan.Name[..2] + "实业有限公司" : null,
                TownUnitId = units[plan.Town].Id,
                Longitude = plan.Longitude,
                Latitude = plan.Latitude,
                Scale = plan.Scale,
                StartYear = today.AddDays(plan.StartPlannedOffset).Year,
                EndYear = today.Year + 2,
                TotalInvestment = plan.Total,
                SignedPlanned = today.AddDays(plan.SignedOffset),
                StartPlanned = today.AddDays(plan.StartPlannedOffset),
                ProducingPlanned = today.AddDays(plan.StartPlannedOffset + 540),
                AtCapacityPlanned = today.AddDays(plan.StartPlannedOffset + 900),
            };
            if (plan.Pool != ProjectPool.Reserve)
            {
                project.Reach(ProjectStage.Signed, today.AddDays(plan.SignedOffset), today);
            }

            if (plan.StartedOffset is { } started)
            {
                project.Reach(ProjectStage.Started, today.AddDays(started), today);
            }

            var item = new WorkItem
            {
                RegionId = regionId,
                LedgerId = ledger.Id,
                Kind = WorkItemKind.KeyProject,
                Number = plan.Number,
                Name = plan.Name,
                Content = plan.Scale,
                LeadUnitId = lead.Id,
                LeadUnitPath = lead.Path,
                LeaderId = people.First(p => p.Name == plan.Leader).Id,
                LiaisonId = steward?.Id,
                StartDate = project.StartPlanned.Value,
                CreatedAt = utcNow,
                PlannedStartMonth = project.PlannedStartMonthWhileNotStarted,
            };
            item.ReportOn(ReportingCadence.DefaultFor(WorkItemKind.KeyProject));
            item.FollowStage(project);
            item.ScheduleReports(utcNow, TimeZoneInfo.FindSystemTimeZoneById(Domain.RegionClock.DefaultTimeZoneId));
            if (plan.StartedOffset is not null)
            {
                item.Milestones.Add(new Milestone { RegionId = regionId, Name = "主体工程完工", Due = today.AddDays(30 + (plan.Number[0] * 7 % 60)), SortOrder = 0 });
                item.Milestones.Add(new Milestone { RegionId = regionId, Name = "设备安装调试", Due = today.AddDays(120 + (plan.Number[0] * 11 % 90)), SortOrder = 1 });
            }

            db.WorkItems.Add(item);
            await db.SaveChangesAsync();
            item.PlaceUnder((WorkItem?)null);
            project.WorkItemId = item.Id;
            db.Projects.Add(project);

            if (plan.YearPlan is { } yearPlan)
            {
                db.ProjectYearPlans.Add(new ProjectYearPlan { RegionId = regionId, WorkItemId = item.Id, Year = today.Year, Amount = yearPlan });
                var months = Math.Max(1, today.Month - 1);
                var done = decimal.Round(yearPlan * plan.DonePercent / 100m, 0);

                // A slow first quarter, as real projects have; whole 万元 a month, the last month takes the rest.
                static decimal Weight(int month) => month <= 3 ? 0.6m : 1.1m;
                var weights = Enumerable.Range(1, months).Sum(Weight);
                var recorded = 0m;
                for (var m = 1; m <= months && done > 0; m++)
                {
                    var amount = m == months ? done - recorded : decimal.Round(done * Weight(m) / weights, 0);
                    recorded += amount;
                    db.ProjectInvestments.Add(new ProjectInvestment
                    {
                        RegionId = regionId,
                        WorkItemId = item.Id,
                        Year = today.Year,
                        Month = m,
                        Amount = amount,
                        RecordedAt = utcNow.AddDays(-30 * (months - m)),
                        RecordedByName = steward?.Name ?? lead.Name,
                    });
                }

                item.InvestmentYear = today.Year;
                item.InvestmentPercent = Investment.Completion(done, yearPlan);
            }

            await db.SaveChangesAsync();
            items[plan.Number] = item;
        }

        // Problems (问题清单): one new, one overdue (it lights its project), one closed.
        var problems = new (string Project, string Name, ProblemCause Cause, string Unit, int DeadlineOffset, bool Closed)[]
        {
            ("2", "污水厂扩建用地报批手续未办结", ProblemCause.Land, "县自然资源和规划局", 10, false),
            ("8", "老旧小区改造中央补助资金未到位", ProblemCause.Funds, "县财政局", -5, false),
            ("4", "门诊楼施工图审查意见未回复", ProblemCause.Approvals, "县行政审批服务局", -20, true),
        };
        foreach (var (projectNumber, name, cause, unitName, offset, closed) in problems)
        {
            var parent = items[projectNumber];
            var unit = units[unitName];
            var problem = new WorkItem
            {
                RegionId = regionId,
                LedgerId = ledger.Id,
                Kind = WorkItemKind.Problem,
                ParentId = parent.Id,
                Name = name,
                ProblemCause = cause,
                LeadUnitId = unit.Id,
                LeadUnitPath = unit.Path,
                LiaisonId = people.FirstOrDefault(p => p.UnitId == unit.Id && p.Title == "联络员")?.Id,
                StartDate = today.AddDays(offset - 20),
                Deadline = today.AddDays(offset),
                CreatedAt = utcNow,
            };
            db.WorkItems.Add(problem);
            await db.SaveChangesAsync();
            problem.PlaceUnder(parent);
            if (closed)
            {
                db.Reviews.Add(DemoWork.ClosedOut(problem, unit.Name, today.AddDays(offset - 2), utcNow.AddDays(offset - 2)));
            }

            await db.SaveChangesAsync();
        }

        await services.GetRequiredService<RecomputeLights>().RunAsync(regionId);
    }
}
