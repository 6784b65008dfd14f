using Duban.Data;
using Duban.Domain.Organisation;
using Duban.Domain.Work;
using Duban.Web.Features.Lights;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Setup;

/// <summary>
/// The demo county's 2026 ledger: tasks from the government work report, with dates around today so
/// that every light and every state of the loop can be seen on first start.
/// </summary>
public static class DemoWork
{
    private sealed record Plan(
        string Number, string Name, string Lead, string? Support, string? Leader, decimal? Target, string? TargetUnit,
        int StartOffset, int? DeadlineOffset, int? Percent, CadenceKind Cadence, (string Name, int Offset, bool Done)[] Milestones,
        WorkItemStatus Status = WorkItemStatus.InProgress, string? Parent = null, int MissedReports = 0, ReviewKind? Pending = null);

    /// <summary>Stands for "by the end of the year" (年底前) in the plans below.</summary>
    private const int YearEnd = int.MaxValue;

    private static readonly Plan[] Tasks =
    [
        new("1", "全年新签约亿元以上项目30个", "招商引资工作专班", "县商务局", "张卫东", 30, "个", -320, YearEnd, 62, CadenceKind.Monthly, [("上半年签约15个", -140, true), ("三季度签约22个", -50, true)]),
        new("1.1", "开发区新签约亿元以上项目15个", "开发区招商服务局", null, "张卫东", 15, "个", -320, YearEnd, 80, CadenceKind.Monthly, [], Parent: "1"),
        new("1.2", "城关镇新签约亿元以上项目5个", "城关镇", null, "张卫东", 5, "个", -320, YearEnd, 60, CadenceKind.Monthly, [], Parent: "1"),
        new("2", "开工建设城东安置房一期", "县住房和城乡建设局", "城关镇", "李明华", 1200, "套", -200, 150, 35, CadenceKind.Weekly, [("完成土地征收", -5, false), ("主体封顶", 90, false)]),
        new("3", "完成青石镇污水处理厂提标改造", "市生态环境局青山分局", "青石镇", "陈晓燕", null, null, -150, 60, 70, CadenceKind.Weekly, [("设备安装调试", 3, false)]),
        new("4", "推进国家级现代农业产业园创建", "县农业农村局", "县财政局", "陈晓燕", null, null, -250, 100, 25, CadenceKind.Biweekly, [("通过省级评审", 80, false)]),
        new("5", "实施农村公路提档升级100公里", "县交通运输局", "白沙乡", "李明华", 100, "公里", -200, 120, 68, CadenceKind.Monthly, [("完成60公里", -20, true)]),
        new("6", "完成义务教育学校新改扩建5所", "县教育局", "县住房和城乡建设局", "刘志强", 5, "所", -300, 30, 88, CadenceKind.Monthly, []),
        new("7", "新增城镇就业3500人", "县人力资源和社会保障局", null, "王建国", 3500, "人", -320, YearEnd, 91, CadenceKind.Monthly, []),
        new("8", "开展安全生产大排查大整治", "县应急管理局", "县市场监督管理局", "李明华", null, null, -120, null, null, CadenceKind.Weekly, [], MissedReports: 3),
        new("9", "企业开办全程网办、1个工作日内办结", "县行政审批服务局", null, "王建国", null, null, -300, -30, 100, CadenceKind.Monthly, [("上线“一网通办”", -100, true)], WorkItemStatus.Closed),
        new("10", "河口镇和美乡村示范村建设3个", "河口镇", "县农业农村局", "陈晓燕", 3, "个", -200, 90, 55, CadenceKind.Biweekly, [("完成村庄规划", -60, true)]),
        new("11", "东山街道老旧小区改造12个", "东山街道", "县住房和城乡建设局", "李明华", 12, "个", -180, 75, 45, CadenceKind.Weekly, [("完成6个小区改造", 6, false)]),
        new("12", "县人民医院新院区建设", "县卫生健康局", "县自然资源和规划局", "刘志强", null, null, -260, 300, 30, CadenceKind.Monthly, [], WorkItemStatus.Paused),
        new("13", "创建国家4A级旅游景区", "县文化和旅游局", "青石镇", "刘志强", 1, "个", -300, 20, 100, CadenceKind.Monthly, [("通过省级景观质量评审", -40, true)], Pending: ReviewKind.CloseOut),
        new("14", "完成县城供水管网改造40公里", "县水利局", "县住房和城乡建设局", "陈晓燕", 40, "公里", -280, 10, 90, CadenceKind.Weekly, [], Pending: ReviewKind.Extension),
        new("15", "新增规上工业企业15家", "县工业和信息化局", "开发区招商服务局", "张卫东", 15, "家", -320, YearEnd, 84, CadenceKind.Monthly, []),
        new("16", "编制县“十五五”规划纲要", "县发展和改革局", "县财政局", "王建国", null, null, -120, 40, 70, CadenceKind.Weekly, [("形成纲要初稿", 3, false), ("提交县人代会审议", 40, false)]),
        new("17", "争取中央预算内投资2亿元", "县发展和改革局", null, "李明华", 20000, "万元", -320, YearEnd, 81, CadenceKind.Monthly, []),
        new("18", "城关镇农贸市场升级改造", "城关镇", "县市场监督管理局", "李明华", null, null, -90, 60, 45, CadenceKind.Weekly, [("完成招标", -10, true), ("主体完工", 40, false)]),
    ];

    public static async Task SeedAsync(IServiceProvider services, int regionId, IReadOnlyDictionary<string, Unit> units, IReadOnlyList<Person> people)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.GetRequiredService<DubanDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Domain.RegionClock.DefaultTimeZoneId);
        var utcNow = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone));

        db.CalendarDays.AddRange(HolidayCalendar2026.Days(regionId));
        var yearEnd = new DateOnly(today.Year, 12, 31).DayNumber - today.DayNumber;
        var ledger = new Ledger { RegionId = regionId, Name = $"{today.Year}年县政府重点工作任务清单", Year = today.Year, SourceKind = SourceKind.Document, SourceTitle = "县政府工作报告" };
        db.Ledgers.Add(ledger);
        await db.SaveChangesAsync();

        var created = new Dictionary<string, WorkItem>(StringComparer.Ordinal);
        foreach (var plan in Tasks)
        {
            var lead = units[plan.Lead];
            var item = new WorkItem
            {
                RegionId = regionId,
                LedgerId = ledger.Id,
                ParentId = plan.Parent is null ? null : created[plan.Parent].Id,
                Number = plan.Number,
                Name = plan.Name,
                SourceKind = SourceKind.Document,
                SourceTitle = "县政府工作报告",
                SourceDocNumber = "青政发〔" + today.Year + "〕1号",
                TargetValue = plan.Target,
                TargetUnit = plan.TargetUnit,
                LeadUnitId = lead.Id,
                LeadUnitPath = lead.Path,
                LeaderId = plan.Leader is null ? null : people.First(p => p.Name == plan.Leader).Id,
                LiaisonId = people.FirstOrDefault(p => p.UnitId == lead.Id && p.Title == "联络员")?.Id,
                StartDate = today.AddDays(plan.StartOffset),
                Deadline = plan.DeadlineOffset switch
                {
                    null => null,
                    YearEnd => today.AddDays(Math.Max(yearEnd, 10)),
                    { } d => today.AddDays(d),
                },
                Percent = plan.Percent,
                CreatedAt = utcNow,
            };
            item.ReportOn(ReportingCadence.Default(plan.Cadence));
            item.Begin(today);
            item.Milestones.AddRange(plan.Milestones.Select((m, i) => new Milestone
            {
                RegionId = regionId,
                Name = m.Name,
                Due = today.AddDays(m.Offset),
                DoneOn = m.Done ? today.AddDays(Math.Min(m.Offset, 0) - 1) : null,
                SortOrder = i,
            }));

            // The next report is due after now, or — for work whose unit has gone quiet — some periods back.
            item.ScheduleReports(utcNow.AddDays(plan.MissedReports * -7 - (plan.MissedReports > 0 ? 1 : 0)), zone);
            db.WorkItems.Add(item);
            await db.SaveChangesAsync();
            item.PlaceUnder(plan.Parent is null ? null : created[plan.Parent]);

            // Finished and paused work got there the way real work does: through the item's own transitions.
            if (plan.Status == WorkItemStatus.Paused)
            {
                item.Pause();
            }
            else if (plan.Status == WorkItemStatus.Closed)
            {
                db.Reviews.Add(ClosedOut(item, lead.Name, today.AddDays(-20), utcNow.AddDays(-20)));
            }
            if (plan.Support is { } support)
            {
                db.WorkItemUnits.Add(new WorkItemUnit { WorkItemId = item.Id, UnitId = units[support].Id, UnitPath = units[support].Path, RegionId = regionId });
            }

            if (plan.Percent is { } percent && plan.MissedReports == 0)
            {
                var liaison = people.FirstOrDefault(p => p.Id == item.LiaisonId)?.Name ?? lead.Name;
                db.ProgressReports.Add(new ProgressReport
                {
                    RegionId = regionId,
                    WorkItemId = item.Id,
                    SubmittedAt = utcNow.AddDays(-9),
                    SubmittedByName = liaison,
                    Done = "按计划推进，完成阶段性目标。",
                    Percent = Math.Max(0, percent - 10),
                });
                db.ProgressReports.Add(new ProgressReport
                {
                    RegionId = regionId,
                    WorkItemId = item.Id,
                    SubmittedAt = utcNow.AddDays(-2),
                    SubmittedByName = liaison,
                    Done = $"累计完成进度 {percent}%，本周召开推进会 1 次。",
                    Percent = percent,
                    Problems = percent < 40 ? "征地拆迁进度滞后，部分群众诉求未解决" : null,
                    ProblemCause = percent < 40 ? ProblemCause.Land : null,
                    NextSteps = "加快推进，确保按期完成。",
                });
                item.LastReportAt = utcNow.AddDays(-2);
            }

            if (plan.Pending is { } kind)
            {
                db.Reviews.Add(new Review
                {
                    RegionId = regionId,
                    WorkItemId = item.Id,
                    Kind = kind,
                    Status = ReviewStatus.Pending,
                    Statement = kind == ReviewKind.CloseOut ? "已通过省级评审并挂牌，申请销号。附评审结果公示。" : "受汛期影响施工中断，申请延期一个月。",
                    ProposedDeadline = kind == ReviewKind.Extension ? item.Deadline?.AddDays(31) : null,
                    RequestedAt = utcNow.AddDays(-1),
                    RequestedByName = people.FirstOrDefault(p => p.Id == item.LiaisonId)?.Name ?? lead.Name,
                });
                if (kind == ReviewKind.CloseOut)
                {
                    item.Request(ReviewKind.CloseOut, "已通过省级评审并挂牌，申请销号。", null, 0, false, today);
                }
            }

            await db.SaveChangesAsync();
            created[plan.Number] = item;
        }

        await services.GetRequiredService<RecomputeLights>().RunAsync(regionId);

        // Today's reminders at once, so the demo's inboxes are not empty until the first hourly run.
        await services.GetRequiredService<Features.Notices.SendReminders>().RunAsync(regionId);
    }

    /// <summary>A close-out applied for and approved on the day given, through the item's own rules.</summary>
    internal static Review ClosedOut(WorkItem item, string by, DateOnly on, DateTime at)
    {
        var review = new Review
        {
            RegionId = item.RegionId,
            WorkItemId = item.Id,
            Kind = ReviewKind.CloseOut,
            Status = ReviewStatus.Pending,
            Statement = "各项任务已全部完成，申请销号。",
            RequestedAt = at.AddDays(-2),
            RequestedByName = by,
        };
        if (item.Approve(review, on) is { } refused)
        {
            throw new InvalidOperationException($"The demo's {item.Name} cannot be closed out: {refused}");
        }

        review.Status = ReviewStatus.Approved;
        review.ReviewedAt = at;
        review.ReviewedByName = "县委督查室";
        return review;
    }
}

/// <summary>
/// A 2026 holiday and make-up-day arrangement to start the demo calendar with. Offices replace it with the
/// State Council's notice for their year on the calendar screen; the dates here are not authoritative.
/// </summary>
public static class HolidayCalendar2026
{
    public static IEnumerable<CalendarDay> Days(int regionId)
    {
        (string Name, string[] Off, string[] Work)[] plan =
        [
            ("元旦", ["2026-01-01", "2026-01-02", "2026-01-03"], ["2026-01-04"]),
            ("春节", ["2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23"], ["2026-02-14", "2026-02-28"]),
            ("清明节", ["2026-04-04", "2026-04-05", "2026-04-06"], []),
            ("劳动节", ["2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05"], ["2026-05-09"]),
            ("端午节", ["2026-06-19", "2026-06-20", "2026-06-21"], []),
            ("中秋节", ["2026-09-25", "2026-09-26", "2026-09-27"], []),
            ("国庆节", ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"], ["2026-09-20", "2026-10-10"]),
        ];
        foreach (var (name, off, work) in plan)
        {
            foreach (var d in off)
            {
                yield return new CalendarDay { RegionId = regionId, Date = DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture), IsWorkday = false, Name = name };
            }

            foreach (var d in work)
            {
                yield return new CalendarDay { RegionId = regionId, Date = DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture), IsWorkday = true, Name = name + "调休" };
            }
        }
    }
}
