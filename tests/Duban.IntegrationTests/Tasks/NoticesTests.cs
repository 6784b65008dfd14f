using System.Net;
using System.Text.Json;
using Duban.Domain.Work;
using Duban.IntegrationTests.Infrastructure;
using Duban.Web.Features.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.IntegrationTests.Tasks;

public abstract class NoticesTests(DubanFactory app)
{
    private TestData D => app.Data;

    private async Task<int> NewTaskAsync(HttpClient office, string? deadline = null)
    {
        var ledger = await office.PostAsJsonAsync("/api/v1/ledgers", new { name = "督办测试" + Guid.NewGuid().ToString("N")[..4], year = 2026 });
        var ledgerId = (await ledger.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var task = await office.PostAsJsonAsync("/api/v1/tasks", new { ledgerId, name = "推进征地拆迁", leadUnitId = D.UnitA, startDate = "2026-01-01", deadline = deadline ?? "2026-02-01", cadence = "Weekly" });
        Assert.Equal(HttpStatusCode.Created, task.StatusCode);
        return (await task.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Notices_are_numbered_in_sequence_reach_the_units_inbox_and_are_answered_once()
    {
        var office = await D.ApiClientAsync("duchashi");
        var liaison = await D.ApiClientAsync("fgj");
        var id = await NewTaskAsync(office);
        var answerBy = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var first = await office.PostAsJsonAsync($"/api/v1/tasks/{id}/notices", new { kind = "SupervisionNotice", body = "该项工作严重滞后，请书面说明原因和整改措施。", answerBy });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var second = await office.PostAsJsonAsync($"/api/v1/tasks/{id}/notices", new { kind = "SupervisionNotice", body = "再次督办。", answerBy });
        var n1 = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
        var n2 = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Matches(@"^督办〔\d{4}〕第\d+号$", n1);
        var seq1 = int.Parse(n1[(n1.IndexOf('第') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"督办〔{n1[3..7]}〕第{seq1 + 1}号", n2.GetProperty("number").GetString());

        var inbox = await liaison.GetFromJsonAsync<JsonElement>("/api/v1/inbox?unread=true");
        Assert.Contains(inbox.EnumerateArray(), m => m.GetProperty("title").GetString()!.StartsWith(n1, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsJsonAsync($"/api/v1/tasks/{id}/notices", new { body = "x", answerBy })).StatusCode);
        var noticeId = n2.GetProperty("id").GetInt32();
        var empty = await liaison.PostAsJsonAsync($"/api/v1/notices/{noticeId}/answer", new { answer = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var answered = await liaison.PostAsJsonAsync($"/api/v1/notices/{noticeId}/answer", new { answer = "已成立专班，月底前完成征地。" });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var again = await liaison.PostAsJsonAsync($"/api/v1/notices/{noticeId}/answer", new { answer = "再答" });
        Assert.Contains("该督办单已回复", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var pastDue = await office.PostAsJsonAsync($"/api/v1/tasks/{id}/notices", new { body = "x", answerBy = "2020-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, pastDue.StatusCode);
    }

    [Fact]
    public async Task Reminders_for_an_overdue_task_reach_the_unit_once_a_day()
    {
        var office = await D.ApiClientAsync("duchashi");
        var id = await NewTaskAsync(office, deadline: "2026-02-01"); // long past: red
        async Task<int> Send()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SendReminders>().RunAsync(D.RegionId);
        }

        await Send();
        var fgj = await app.WithDbAsync(db => db.Users.IgnoreQueryFilters().Where(a => a.UserName == "fgj").Select(a => a.Id).SingleAsync());
        var overdue = await app.WithDbAsync(db => db.Messages.IgnoreQueryFilters().CountAsync(m => m.WorkItemId == id && m.AccountId == fgj && m.Kind == MessageKind.Overdue));
        Assert.Equal(1, overdue);
        await Send();
        Assert.Equal(1, await app.WithDbAsync(db => db.Messages.IgnoreQueryFilters().CountAsync(m => m.WorkItemId == id && m.AccountId == fgj && m.Kind == MessageKind.Overdue)));

        // The next day brings the next reminder.
        using (app.Clock.Pin(DateTimeOffset.UtcNow.AddDays(1)))
        {
            await Send();
        }

        Assert.Equal(2, await app.WithDbAsync(db => db.Messages.IgnoreQueryFilters().CountAsync(m => m.WorkItemId == id && m.AccountId == fgj && m.Kind == MessageKind.Overdue)));

        // Another unit's liaison hears nothing about it.
        var chengguan = await app.WithDbAsync(db => db.Users.IgnoreQueryFilters().Where(a => a.UserName == "chengguan").Select(a => a.Id).SingleAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Messages.IgnoreQueryFilters().CountAsync(m => m.WorkItemId == id && m.AccountId == chengguan)));
    }

    [Fact]
    public async Task The_urging_ladder_issues_a_letter_then_a_notice_once_each_and_follows_the_regions_rules()
    {
        var office = await D.ApiClientAsync("duchashi");
        var liaison = await D.ApiClientAsync("fgj");
        var before = await office.GetFromJsonAsync<JsonElement>("/api/v1/settings/rules");
        var today = Duban.Domain.RegionClock.Today(app.Clock, "Asia/Shanghai");
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // Bad rules are refused in Chinese and change nothing.
        var bad = await office.PutAsJsonAsync("/api/v1/settings/rules", new { dueSoonDays = 7, lagPoints = 20, missedReportsForYellow = 2, remindDaysBefore = 3, letterAfterOverdueDays = 10, noticeAfterOverdueDays = 5, answerWithinWorkdays = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("督办单的天数应大于提醒函的天数", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PutAsJsonAsync("/api/v1/settings/rules", new { dueSoonDays = 7 })).StatusCode);
        Assert.Equal(before.GetRawText(), (await office.GetFromJsonAsync<JsonElement>("/api/v1/settings/rules")).GetRawText());

        try
        {
            async Task SetRules(int remindDaysBefore)
            {
                var rules = new { dueSoonDays = 7, dueSoonInWorkdays = false, lagPoints = 20, missedReportsForYellow = 2, remindDaysBefore, letterAfterOverdueDays = 3, noticeAfterOverdueDays = 10, answerWithinWorkdays = 3 };
                Assert.Equal(HttpStatusCode.OK, (await office.PutAsJsonAsync("/api/v1/settings/rules", rules)).StatusCode);
            }

            async Task Remind()
            {
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SendReminders>().RunAsync(D.RegionId);
            }

            await SetRules(remindDaysBefore: 3);

            var late = await NewTaskAsync(office, deadline: Day(-4));
            var soon = await NewTaskAsync(office, deadline: Day(4));
            async Task<int> Escalate()
            {
                await using var scope = app.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<Escalate>().RunAsync(D.RegionId);
            }

            Task<List<Duban.Domain.Work.Notice>> NoticesOf(int item) =>
                app.WithDbAsync(db => db.Notices.IgnoreQueryFilters().Where(n => n.WorkItemId == item).OrderBy(n => n.Id).ToListAsync());

            // Four days overdue: a reminder letter, once.
            await Escalate();
            await Escalate();
            var letters = await NoticesOf(late);
            var letter = Assert.Single(letters);
            Assert.Equal(NoticeKind.ReminderLetter, letter.Kind);
            Assert.StartsWith("提醒〔", letter.Number, StringComparison.Ordinal);
            Assert.Contains("逾期 4 天", letter.Body, StringComparison.Ordinal);
            Assert.True(letter.AnswerBy > today);
            Assert.Empty(await NoticesOf(soon));
            var inbox = await liaison.GetFromJsonAsync<JsonElement>("/api/v1/inbox?unread=true");
            Assert.Contains(inbox.EnumerateArray(), m => m.GetProperty("title").GetString()!.StartsWith(letter.Number, StringComparison.Ordinal));

            // Eleven days overdue: the supervision notice, once; the letter is not repeated.
            using (app.Clock.Pin(app.Clock.GetUtcNow().AddDays(7)))
            {
                await Escalate();
                await Escalate();
            }

            var all = await NoticesOf(late);
            Assert.Equal([NoticeKind.ReminderLetter, NoticeKind.SupervisionNotice], all.Select(n => n.Kind));
            Assert.StartsWith("督办〔", all[1].Number, StringComparison.Ordinal);

            // Reminders follow the region's lead time, not the light's window (yellow within 7 days).
            await Remind();
            Assert.False(await app.WithDbAsync(db => db.Messages.IgnoreQueryFilters().AnyAsync(m => m.WorkItemId == soon && m.Kind == MessageKind.DueSoon)));
            await SetRules(remindDaysBefore: 5);
            await Remind();
            Assert.True(await app.WithDbAsync(db => db.Messages.IgnoreQueryFilters().AnyAsync(m => m.WorkItemId == soon && m.Kind == MessageKind.DueSoon)));
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await office.PutAsync("/api/v1/settings/rules", new StringContent(before.GetRawText(), System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        }
    }

    [Fact]
    public async Task A_leader_instructs_on_an_item_on_its_page_the_lead_unit_answers_and_neither_may_do_the_others_part()
    {
        var office = await D.ApiClientAsync("duchashi");
        var id = await NewTaskAsync(office, "2026-12-31");
        var leader = await D.SignedInClientAsync("leader");
        var page = await leader.GetStringAsync($"/Tasks/{id}");
        Assert.Contains("handler=Instruct", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Notice", page, StringComparison.Ordinal);

        var blank = await TestData.PostFormAsync(leader, $"/Tasks/{id}", $"/Tasks/{id}?handler=Instruct", new() { ["Instruction.Body"] = "", ["Instruction.AnswerBy"] = "2030-01-01" });
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Notices.IgnoreQueryFilters().CountAsync(n => n.WorkItemId == id)));

        var given = await TestData.PostFormAsync(leader, $"/Tasks/{id}", $"/Tasks/{id}?handler=Instruct", new() { ["Instruction.Body"] = "请发改局本周内拿出推进方案，倒排工期。", ["Instruction.AnswerBy"] = "2030-01-01" });
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        var instruction = await app.WithDbAsync(db => db.Notices.IgnoreQueryFilters().SingleAsync(n => n.WorkItemId == id));
        Assert.Equal(NoticeKind.Instruction, instruction.Kind);
        Assert.Matches(@"^批示〔\d{4}〕第\d+号$", instruction.Number);

        // The lead unit is told and answers; the office may not give a leader's instruction, nor the leader a notice.
        var liaison = await D.ApiClientAsync("fgj");
        var told = await app.WithDbAsync(db => db.Messages.IgnoreQueryFilters().Where(m => m.NoticeId == instruction.Id)
            .Join(db.Users.IgnoreQueryFilters(), m => m.AccountId, a => a.Id, (_, a) => a.UserName).ToListAsync());
        Assert.Contains("fgj", told);
        var answered = await liaison.PostAsJsonAsync($"/api/v1/notices/{instruction.Id}/answer", new { answer = "已制定推进方案，倒排至 12 月底。" });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsJsonAsync($"/api/v1/tasks/{id}/instructions", new { body = "代领导批示", answerBy = "2030-01-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsJsonAsync($"/api/v1/tasks/{id}/notices", new { kind = "Instruction", body = "代领导批示", answerBy = "2030-01-01" })).StatusCode);
        var leaderApi = await D.ApiClientAsync("leader");
        Assert.Equal(HttpStatusCode.Forbidden, (await leaderApi.PostAsJsonAsync($"/api/v1/tasks/{id}/notices", new { kind = "SupervisionNotice", body = "领导发督办单", answerBy = "2030-01-01" })).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Notices.IgnoreQueryFilters().CountAsync(n => n.WorkItemId == id)));
    }
}

[Collection(OnSqlite.Name)]
public sealed class NoticesTestsOnSqlite(SqliteFactory app) : NoticesTests(app);

[Collection(OnPostgres.Name)]
public sealed class NoticesTestsOnPostgres(PostgresFactory app) : NoticesTests(app);
