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

public class DeliveryTests
{
    [Fact]
    public void A_failing_delivery_is_retried_with_growing_pauses_then_given_up()
    {
        var start = new DateTime(2026, 6, 10, 8, 0, 0, DateTimeKind.Utc);
        var d = new Delivery { Target = "a@b.cn", Subject = "s", Body = "b", DedupKey = "k", NextAttemptAt = start };
        var pauses = new List<double>();
        for (var i = 0; i < Delivery.MaxAttempts - 1; i++)
        {
            d.Failed("connection refused", start);
            Assert.Equal(DeliveryStatus.Pending, d.Status);
            pauses.Add((d.NextAttemptAt - start).TotalMinutes);
        }

        Assert.Equal([1, 5, 15, 60], pauses);
        d.Failed("connection refused", start);
        Assert.Equal(DeliveryStatus.Failed, d.Status);
        Assert.Equal(Delivery.MaxAttempts, d.Attempts);
        Assert.Equal("connection refused", d.LastError);
    }

    [Fact]
    public void A_success_clears_the_error()
    {
        var d = new Delivery { Target = "https://hook", Subject = "s", Body = "b", DedupKey = "k" };
        d.Failed("timeout", DateTime.UtcNow);
        d.Succeeded(DateTime.UtcNow);
        Assert.Equal(DeliveryStatus.Sent, d.Status);
        Assert.Null(d.LastError);
        Assert.Equal(2, d.Attempts);
    }
}
