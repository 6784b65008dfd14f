using Duban.Domain.Projects;
using Duban.Domain.Work;

namespace Duban.UnitTests.Projects;

public class StageTests
{
    private static readonly DateOnly Today = new(2026, 6, 10);

    [Fact]
    public void Stages_are_reached_in_order_and_the_current_stage_follows()
    {
        var p = new Project();
        Assert.Null(p.Reach(ProjectStage.Signed, new DateOnly(2026, 1, 5), Today));
        Assert.Null(p.Reach(ProjectStage.Started, new DateOnly(2026, 3, 1), Today));
        Assert.Equal(ProjectStage.Started, p.Stage);
        Assert.Null(p.Reach(ProjectStage.Producing, new DateOnly(2026, 6, 10), Today));
        Assert.Equal(ProjectStage.Producing, p.Stage);
    }

    [Fact]
    public void A_stage_cannot_be_skipped_or_dated_before_the_one_before_it()
    {
        var p = new Project();
        Assert.Equal(Refusal.StageOutOfOrder, p.Reach(ProjectStage.Started, new DateOnly(2026, 3, 1), Today));
        Assert.Null(p.Reach(ProjectStage.Signed, new DateOnly(2026, 3, 1), Today));
        Assert.Equal(Refusal.StageBeforePrevious, p.Reach(ProjectStage.Started, new DateOnly(2026, 2, 28), Today));
        Assert.Null(p.Reach(ProjectStage.Started, new DateOnly(2026, 3, 1), Today)); // the same day is fine
        Assert.Equal(Refusal.StageOutOfOrder, p.Reach(ProjectStage.AtCapacity, new DateOnly(2026, 5, 1), Today));
    }

    [Fact]
    public void A_stage_is_not_dated_in_the_future_nor_moved_past_the_next_one()
    {
        var p = new Project();
        Assert.Equal(Refusal.DateInFuture, p.Reach(ProjectStage.Signed, Today.AddDays(1), Today));
        Assert.Null(p.Reach(ProjectStage.Signed, new DateOnly(2026, 1, 5), Today));
        Assert.Null(p.Reach(ProjectStage.Started, new DateOnly(2026, 2, 1), Today));
        Assert.Equal(Refusal.StageAfterNext, p.Reach(ProjectStage.Signed, new DateOnly(2026, 2, 2), Today));
        Assert.Null(p.Reach(ProjectStage.Signed, new DateOnly(2026, 1, 20), Today)); // a correction that keeps the order
        Assert.Equal(new DateOnly(2026, 1, 20), p.SignedOn);
        Assert.Equal(Refusal.UnknownStage, p.Reach(ProjectStage.None, Today, Today));
    }

    [Fact]
    public void A_withdrawn_project_keeps_its_reason_and_is_restored_to_the_pool_it_left()
    {
        var p = new Project { Pool = ProjectPool.Implementation };
        Assert.Equal(Refusal.ReasonRequired, p.Withdraw(" ", "县长办公会", Today));
        Assert.Null(p.Withdraw("企业资金链断裂，无法继续建设", "县长办公会", Today));
        Assert.Equal(ProjectPool.Withdrawn, p.Pool);
        Assert.Equal(WorkItemStatus.Paused, p.StatusFor(WorkItemStatus.InProgress));
        Assert.Equal(Refusal.AlreadyWithdrawn, p.Withdraw("再次", "x", Today));
        Assert.Null(p.Restore());
        Assert.Equal(ProjectPool.Implementation, p.Pool);
        Assert.Null(p.WithdrawalReason);
        Assert.Equal(Refusal.NotWithdrawn, p.Restore());
    }

    [Fact]
    public void Only_projects_in_implementation_are_lit_and_a_closed_one_stays_closed()
    {
        Assert.Equal(WorkItemStatus.NotStarted, new Project { Pool = ProjectPool.Reserve }.StatusFor(WorkItemStatus.InProgress));
        Assert.Equal(WorkItemStatus.InProgress, new Project { Pool = ProjectPool.Implementation }.StatusFor(WorkItemStatus.NotStarted));
        Assert.Equal(WorkItemStatus.Closed, new Project { Pool = ProjectPool.Implementation }.StatusFor(WorkItemStatus.Closed));
    }

    [Fact]
    public void The_planned_start_counts_for_the_light_only_until_the_project_starts()
    {
        var p = new Project { StartPlanned = new DateOnly(2026, 3, 15) };
        Assert.Equal((2026 * 12) + 2, p.PlannedStartMonthWhileNotStarted);
        p.Reach(ProjectStage.Signed, new DateOnly(2026, 1, 5), Today);
        p.Reach(ProjectStage.Started, new DateOnly(2026, 4, 1), Today);
        Assert.Null(p.PlannedStartMonthWhileNotStarted);
    }
}
