using Duban.Domain.Work;

namespace Duban.UnitTests.Work;

public class NoticeTests
{
    [Fact]
    public void A_notice_is_numbered_in_the_official_form()
    {
        var notice = new Notice { Kind = NoticeKind.SupervisionNotice, Year = 2026, Sequence = 12, Body = "请于5日内书面说明", IssuedByName = "督查室" };
        Assert.Equal("督办〔2026〕第12号", notice.Number);
        Assert.Equal("提醒〔2026〕第3号", new Notice { Kind = NoticeKind.ReminderLetter, Year = 2026, Sequence = 3, Body = "x", IssuedByName = "x" }.Number);
    }

    [Fact]
    public void A_notice_is_answered_once_and_not_with_nothing()
    {
        var notice = new Notice { Body = "请说明滞后原因", IssuedByName = "督查室" };
        Assert.Equal(Refusal.StatementRequired, notice.Respond("  ", "联络员", DateTime.UtcNow));
        Assert.Null(notice.Respond("已制定整改方案，月底前完成征地。", "联络员", DateTime.UtcNow));
        Assert.True(notice.IsAnswered);
        Assert.Equal(Refusal.NotPending, notice.Respond("再答一次", "联络员", DateTime.UtcNow));
    }
}
