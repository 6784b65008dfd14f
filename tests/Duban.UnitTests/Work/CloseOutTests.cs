using Duban.Domain.Work;

namespace Duban.UnitTests.Work;

public class CloseOutTests
{
    private static readonly DateOnly Today = new(2026, 6, 10);

    private static Review Pending(ReviewKind kind, DateOnly? proposed = null) =>
        new() { Kind = kind, Status = ReviewStatus.Pending, Statement = "已完成", RequestedByName = "联络员", ProposedDeadline = proposed };

    [Fact]
    public void Apply_approve_closes_the_task_with_the_date()
    {
        var task = new WorkItemBuilder().WithPercent(80).WithMilestone("竣工验收", new DateOnly(2026, 6, 1), doneOn: new DateOnly(2026, 6, 1)).Build();
        Assert.Null(task.Request(ReviewKind.CloseOut, "已竣工验收，附验收报告。", null, 0, false, Today));
        Assert.Equal(WorkItemStatus.CloseOutPending, task.Status);

        var review = Pending(ReviewKind.CloseOut);
        Assert.Null(task.Approve(review, Today));
        Assert.Equal(WorkItemStatus.Closed, task.Status);
        Assert.Equal(Today, task.ClosedOn);
        Assert.Equal(Light.Done, LightRules.Evaluate(task.Facts(), LightMoment.For(DateTime.UtcNow, TimeZoneInfo.Utc, LightSettings.Default, WorkdayCalendar.Plain)).Light);
        Assert.Equal(ReviewStatus.Approved, review.Status);
        Assert.Null(task.NextReportDueAt);
    }

    [Fact]
    public void Close_out_is_refused_while_a_milestone_is_open()
    {
        var task = new WorkItemBuilder().WithMilestone("竣工验收", new DateOnly(2026, 12, 1)).Build();
        Assert.Equal(Refusal.OpenMilestones, task.Request(ReviewKind.CloseOut, "完成", null, 0, false, Today));
        Assert.Equal(WorkItemStatus.InProgress, task.Status);
    }

    [Fact]
    public void Close_out_is_refused_while_a_sub_task_is_open()
    {
        var task = new WorkItemBuilder().Build();
        Assert.Equal(Refusal.OpenChildren, task.Request(ReviewKind.CloseOut, "完成", null, openChildren: 2, false, Today));
    }

    [Fact]
    public void Close_out_needs_a_statement_and_cannot_be_asked_twice()
    {
        var task = new WorkItemBuilder().Build();
        Assert.Equal(Refusal.StatementRequired, task.Request(ReviewKind.CloseOut, "  ", null, 0, false, Today));
        Assert.Null(task.Request(ReviewKind.CloseOut, "完成", null, 0, false, Today));
        Assert.Equal(Refusal.AlreadyPending, task.Request(ReviewKind.CloseOut, "完成", null, 0, false, Today));
    }

    [Fact]
    public void Returned_close_out_goes_back_to_work_with_the_reason()
    {
        var task = new WorkItemBuilder().Build();
        task.Request(ReviewKind.CloseOut, "完成", null, 0, false, Today);
        var review = Pending(ReviewKind.CloseOut);
        Assert.Equal(Refusal.ReasonRequired, task.Return(review, ""));
        Assert.Null(task.Return(review, "缺少验收材料"));
        Assert.Equal(WorkItemStatus.InProgress, task.Status);
        Assert.Equal(ReviewStatus.Returned, review.Status);
        Assert.Equal("缺少验收材料", review.ReviewNote);
    }

    [Fact]
    public void A_decided_review_cannot_be_decided_again()
    {
        var task = new WorkItemBuilder().Build();
        var review = Pending(ReviewKind.Adjustment);
        Assert.Null(task.Approve(review, Today));
        Assert.Equal(Refusal.NotPending, task.Approve(review, Today));
        Assert.Equal(Refusal.NotPending, task.Return(review, "迟了"));
        Assert.Equal(1, task.AdjustmentCount);
    }

    [Fact]
    public void A_closed_task_takes_no_report_and_no_request()
    {
        var task = new WorkItemBuilder().WithStatus(WorkItemStatus.Closed).Build();
        var report = new ProgressReport { Done = "继续推进", SubmittedByName = "联络员", SubmittedAt = DateTime.UtcNow };
        Assert.Equal(Refusal.Closed, task.Accept(report, new DateTime(2026, 6, 10, 9, 0, 0), TimeZoneInfo.Utc));
        Assert.Equal(Refusal.Closed, task.Request(ReviewKind.Extension, "延期", new DateOnly(2027, 3, 1), 0, false, Today));
    }

    [Fact]
    public void An_extension_must_move_the_deadline_later_and_approval_counts_it()
    {
        var task = new WorkItemBuilder().WithDeadline(new DateOnly(2026, 9, 30)).Build();
        Assert.Equal(Refusal.DeadlineNotLater, task.Request(ReviewKind.Extension, "征迁未完成", new DateOnly(2026, 9, 30), 0, false, Today));
        Assert.Equal(Refusal.DeadlineNotLater, task.Request(ReviewKind.Extension, "征迁未完成", null, 0, false, Today));
        Assert.Null(task.Request(ReviewKind.Extension, "征迁未完成", new DateOnly(2026, 12, 31), 0, false, Today));

        var review = Pending(ReviewKind.Extension, new DateOnly(2026, 12, 31));
        Assert.Null(task.Approve(review, Today));
        Assert.Equal(new DateOnly(2026, 12, 31), task.Deadline);
        Assert.Equal(1, task.ExtensionCount);
    }

    [Fact]
    public void Ongoing_work_cannot_be_extended()
    {
        var task = new WorkItemBuilder().WithDeadline(null).Build();
        Assert.Equal(Refusal.NoDeadline, task.Request(ReviewKind.Extension, "延期", new DateOnly(2027, 1, 1), 0, false, Today));
    }

    [Fact]
    public void A_late_report_is_marked_late_and_the_next_due_point_moves_on()
    {
        var task = new WorkItemBuilder().WithPercent(30).ReportingWeeklyOn(DayOfWeek.Friday, 15, new DateTime(2026, 6, 5, 15, 0, 0)).Build();
        var report = new ProgressReport { Done = "完成征收 40 户", Percent = 45, SubmittedByName = "联络员", SubmittedAt = DateTime.UtcNow };
        Assert.Null(task.Accept(report, new DateTime(2026, 6, 8, 10, 0, 0), TimeZoneInfo.Utc)); // Monday after the Friday due
        Assert.True(report.IsLate);
        Assert.Equal(new DateTime(2026, 6, 5, 15, 0, 0), report.PeriodDueAt);
        Assert.Equal(new DateTime(2026, 6, 12, 15, 0, 0), task.NextReportDueAt);
        Assert.Equal(45, task.Percent);

        var early = new ProgressReport { Done = "继续", Percent = 50, SubmittedByName = "联络员", SubmittedAt = DateTime.UtcNow };
        Assert.Null(task.Accept(early, new DateTime(2026, 6, 11, 10, 0, 0), TimeZoneInfo.Utc));
        Assert.False(early.IsLate);
        Assert.Equal(new DateTime(2026, 6, 19, 15, 0, 0), task.NextReportDueAt);
    }

    [Fact]
    public void A_percent_outside_0_to_100_is_refused()
    {
        var task = new WorkItemBuilder().Build();
        Assert.Equal(Refusal.PercentRange, task.Accept(new ProgressReport { Done = "x", Percent = 120, SubmittedByName = "x" }, new DateTime(2026, 6, 10), TimeZoneInfo.Utc));
    }

    [Fact]
    public void Exemption_needs_a_reason_and_a_future_end_and_pause_resume_round_trips()
    {
        var task = new WorkItemBuilder().Build();
        Assert.Equal(Refusal.ReasonRequired, task.Exempt(" ", new DateOnly(2026, 7, 1), Today));
        Assert.Equal(Refusal.DateInPast, task.Exempt("汛期停工", new DateOnly(2026, 6, 9), Today));
        Assert.Null(task.Exempt("汛期停工", new DateOnly(2026, 7, 1), Today));
        Assert.Null(task.Pause());
        Assert.Equal(WorkItemStatus.Paused, task.Status);
        Assert.Null(task.Resume());
        Assert.Equal(Refusal.NotPaused, task.Resume());
    }

    [Fact]
    public void Report_due_points_follow_Beijing_time_and_are_stored_in_UTC()
    {
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var task = new WorkItemBuilder().ReportingWeeklyOn(DayOfWeek.Friday, 15, null).Build();

        // Friday 12 June 2026 06:00 UTC is 14:00 in Beijing: the report due at 15:00 Beijing (07:00 UTC) is still ahead.
        task.ScheduleReports(new DateTime(2026, 6, 12, 6, 0, 0, DateTimeKind.Utc), shanghai);
        Assert.Equal(new DateTime(2026, 6, 12, 7, 0, 0), task.NextReportDueAt);

        // A report at 16:00 Beijing is late by an hour and the next is due the Friday after.
        var report = new ProgressReport { Done = "推进中", SubmittedByName = "联络员" };
        task.Accept(report, new DateTime(2026, 6, 12, 8, 0, 0, DateTimeKind.Utc), shanghai);
        Assert.True(report.IsLate);
        Assert.Equal(new DateTime(2026, 6, 19, 7, 0, 0), task.NextReportDueAt);
    }
}
