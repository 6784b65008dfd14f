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
}

[Collection(OnSqlite.Name)]
public sealed class NoticesTestsOnSqlite(SqliteFactory app) : NoticesTests(app);

[Collection(OnPostgres.Name)]
public sealed class NoticesTestsOnPostgres(PostgresFactory app) : NoticesTests(app);
