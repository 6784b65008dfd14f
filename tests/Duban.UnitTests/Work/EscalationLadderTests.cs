using Duban.Domain.Work;

namespace Duban.UnitTests.Work;

public class EscalationLadderTests
{
    private static readonly EscalationLadder Default = new(LetterAfterDays: 3, NoticeAfterDays: 10);

    [Theory]
    [InlineData(0, null)]
    [InlineData(2, null)]
    [InlineData(3, NoticeKind.ReminderLetter)]
    [InlineData(9, NoticeKind.ReminderLetter)]
    [InlineData(10, NoticeKind.SupervisionNotice)]
    [InlineData(40, NoticeKind.SupervisionNotice)]
    public void An_item_nothing_was_issued_for_gets_the_rung_its_days_overdue_reach(int days, NoticeKind? expected) =>
        Assert.Equal(expected, Default.Due(days, letterIssued: false, noticeIssued: false));

    [Fact]
    public void Each_rung_is_issued_once_per_overdue_spell()
    {
        Assert.Null(Default.Due(5, letterIssued: true, noticeIssued: false));
        Assert.Equal(NoticeKind.SupervisionNotice, Default.Due(10, letterIssued: true, noticeIssued: false));
        Assert.Null(Default.Due(30, letterIssued: true, noticeIssued: true));

        // A notice issued by hand before the letter's day makes the letter moot.
        Assert.Null(Default.Due(4, letterIssued: false, noticeIssued: true));
    }

    [Fact]
    public void An_empty_rung_is_never_issued_automatically()
    {
        var lettersOnly = new EscalationLadder(3, null);
        Assert.Equal(NoticeKind.ReminderLetter, lettersOnly.Due(100, false, false));
        Assert.Null(lettersOnly.Due(100, true, false));

        var noticesOnly = new EscalationLadder(null, 5);
        Assert.Null(noticesOnly.Due(4, false, false));
        Assert.Equal(NoticeKind.SupervisionNotice, noticesOnly.Due(5, false, false));

        Assert.Null(new EscalationLadder(null, null).Due(365, false, false));
    }

}
