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

public class AttachmentRulesTests
{
    [Theory]
    [InlineData("现场照片.jpg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [InlineData("进度.PNG", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D }, "image/png")]
    [InlineData("验收报告.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, "application/pdf")]
    [InlineData("台账.xlsx", new byte[] { 0x50, 0x4B, 0x03, 0x04 }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("说明.doc", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1 }, "application/msword")]
    public void Allowed_kinds_are_recognised_by_name_and_bytes(string name, byte[] head, string expected)
    {
        Assert.Equal(expected, AttachmentRules.Recognise(name, head));
    }

    [Theory]
    [InlineData("photo.jpg", new byte[] { 0x4D, 0x5A, 0x90, 0x00 })] // an executable renamed to .jpg
    [InlineData("tool.exe", new byte[] { 0x4D, 0x5A, 0x90, 0x00 })]
    [InlineData("page.html", new byte[] { 0x3C, 0x68, 0x74, 0x6D })]
    [InlineData("empty.pdf", new byte[0])]
    public void Anything_else_is_refused(string name, byte[] head)
    {
        Assert.Null(AttachmentRules.Recognise(name, head));
    }

    [Fact]
    public void Names_lose_folders_and_dangerous_characters()
    {
        Assert.Equal("passwd", AttachmentRules.SafeName("../../etc/passwd"));
        Assert.Equal("a.jpg", AttachmentRules.SafeName("C:\\Users\\x\\a.jpg"));
        Assert.Equal("报告.pdf", AttachmentRules.SafeName("报\"告\u0001.pdf"));
        Assert.True(AttachmentRules.SafeName(new string('长', 300) + ".pdf").Length <= 120);
    }
}
