using Duban.Domain.Promotion;
using Duban.Domain.Work;

namespace Duban.UnitTests.Promotion;

/// <summary>A firm's need at its edges: a rating needs an answer of its round, 不满意 re-opens, close-out needs satisfaction; the rates.</summary>
public sealed class FirmNeedTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly DateTime Opened = new(2026, 11, 1, 2, 0, 0, DateTimeKind.Utc);

    private static (WorkItem Item, FirmNeed Need) NewNeed()
    {
        var item = new WorkItem { Name = "诉求", Kind = WorkItemKind.Problem, StartDate = new DateOnly(2026, 11, 1), Deadline = new DateOnly(2026, 11, 30) };
        item.ReportOn(ReportingCadence.Default(CadenceKind.None));
        item.Begin(Today);
        var need = new FirmNeed { RegionId = 1, FirmId = 1, WorkItemId = 1 };
        need.Open(Opened);
        return (item, need);
    }

    [Fact]
    public void A_rating_waits_for_an_answer_given_after_the_round_opened_and_comes_once_per_round()
    {
        var (item, need) = NewNeed();
        Assert.Equal(Refusal.NotAnswered, need.Rate(item, Satisfaction.Satisfied, null, Today, Opened.AddDays(2)));
        item.LastReportAt = Opened; // the same instant the round opened is not after it
        Assert.Equal(Refusal.NotAnswered, need.Rate(item, Satisfaction.Satisfied, null, Today, Opened.AddDays(2)));
        item.LastReportAt = Opened.AddSeconds(1);
        Assert.Equal(Refusal.Invalid, need.Rate(item, (Satisfaction)9, null, Today, Opened.AddDays(2)));
        Assert.Null(need.Rate(item, Satisfaction.Basic, null, Today, Opened.AddDays(2)));
        Assert.Equal(Satisfaction.Basic, need.Satisfaction);
        Assert.Equal(Refusal.AlreadyRated, need.Rate(item, Satisfaction.Unsatisfied, Today.AddDays(5), Today, Opened.AddDays(3)));
        Assert.Equal(1, need.Round);
    }

    [Fact]
    public void Not_satisfied_reopens_the_need_with_a_new_deadline_not_in_the_past_and_the_next_answer_is_rated_again()
    {
        var (item, need) = NewNeed();
        item.LastReportAt = Opened.AddDays(1);
        Assert.Equal(Refusal.NoDeadline, need.Rate(item, Satisfaction.Unsatisfied, null, Today, Opened.AddDays(2)));
        Assert.Equal(Refusal.DateInPast, need.Rate(item, Satisfaction.Unsatisfied, Today.AddDays(-1), Today, Opened.AddDays(2)));
        Assert.Equal(1, need.Round);

        Assert.Null(need.Rate(item, Satisfaction.Unsatisfied, Today, Today, Opened.AddDays(2)));
        Assert.Equal(2, need.Round);
        Assert.Null(need.Satisfaction);
        Assert.Equal(Satisfaction.Unsatisfied, need.LastRating);
        Assert.Equal(Today, item.Deadline);
        Assert.Equal(WorkItemStatus.InProgress, item.Status);
        Assert.False(need.MayClose);

        // The first round's answer does not count for the second.
        Assert.Equal(Refusal.NotAnswered, need.Rate(item, Satisfaction.Satisfied, null, Today, Opened.AddDays(3)));
        Assert.Equal(Refusal.NotSatisfied, need.Close(item, Today));
        item.LastReportAt = Opened.AddDays(4);
        Assert.Null(need.Rate(item, Satisfaction.Satisfied, null, Today, Opened.AddDays(5)));
        Assert.Equal(Satisfaction.Satisfied, need.LastRating);
    }

    [Fact]
    public void Close_out_needs_the_latest_answer_rated_satisfied_or_fairly_satisfied_and_a_closed_need_takes_nothing_more()
    {
        var (item, need) = NewNeed();
        Assert.Equal(Refusal.NotSatisfied, need.Close(item, Today));
        item.LastReportAt = Opened.AddDays(1);
        Assert.Null(need.Rate(item, Satisfaction.Satisfied, null, Today, Opened.AddDays(2)));
        Assert.Null(need.Close(item, Today));
        Assert.Equal(WorkItemStatus.Closed, item.Status);
        Assert.Equal(Today, item.ClosedOn);
        Assert.Equal(Refusal.Closed, need.Close(item, Today));
        Assert.Equal(Refusal.Closed, need.Rate(item, Satisfaction.Unsatisfied, Today.AddDays(3), Today, Opened.AddDays(3)));
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(1, 3, 33)]
    [InlineData(2, 3, 67)]
    [InlineData(1, 2, 50)]
    [InlineData(3, 3, 100)]
    public void Rates_round_half_away_from_zero_and_are_empty_without_a_whole(int part, int whole, int? expected) =>
        Assert.Equal(expected, NeedCategoryFigure.Rate(part, whole));

    [Fact]
    public void A_category_figure_counts_closed_against_all_and_satisfied_against_those_rated()
    {
        var figure = new NeedCategoryFigure(ProblemCause.Labour, Total: 8, Closed: 6, Rated: 5, Satisfied: 4);
        Assert.Equal(75, figure.ClosedRate);
        Assert.Equal(80, figure.SatisfiedRate);
        Assert.Null(new NeedCategoryFigure(ProblemCause.Land, 2, 0, 0, 0).SatisfiedRate);
    }

    [Fact]
    public void Forms_list_other_last_whatever_its_number()
    {
        Assert.Equal(ProblemCause.Other, ProblemCauses.InOrder[^1]);
        Assert.Equal(Enum.GetValues<ProblemCause>().Length, ProblemCauses.InOrder.Distinct().Count());
    }
}
