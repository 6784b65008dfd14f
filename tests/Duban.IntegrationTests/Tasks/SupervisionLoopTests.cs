using System.Net;
using System.Text.Json;
using Duban.Domain.Work;
using Duban.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.IntegrationTests.Tasks;

/// <summary>The weekly loop through the API: the office sets work, the unit reports and applies, the office decides.</summary>
public abstract class SupervisionLoopTests(DubanFactory app)
{
    private TestData D => app.Data;

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Shanghai));

    private async Task<int> NewLedgerAsync(HttpClient office)
    {
        var response = await office.PostAsJsonAsync("/api/v1/ledgers", new { name = "2026年重点工作任务清单" + Guid.NewGuid().ToString("N")[..4], year = 2026, sourceKind = "Document", sourceTitle = "县政府工作报告" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private async Task<JsonElement> NewTaskAsync(HttpClient office, int ledgerId, object? milestones = null, string? deadline = null, int? leadUnit = null)
    {
        var response = await office.PostAsJsonAsync("/api/v1/tasks", new
        {
            ledgerId,
            number = "1",
            name = "完成城东安置房一期主体封顶",
            content = "年内完成一期 12 栋主体封顶",
            sourceKind = "Meeting",
            sourceTitle = "县政府第12次常务会议",
            targetValue = 12,
            targetUnit = "栋",
            leadUnitId = leadUnit ?? D.UnitA,
            supportingUnitIds = new[] { D.UnitB },
            startDate = Today.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            deadline = deadline ?? Today.AddDays(120).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            cadence = "Weekly",
            cadenceDay = 5,
            cadenceHour = 15,
            milestones = milestones ?? Array.Empty<object>(),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_milestone_due_in_three_days_shows_yellow_with_its_reason_then_reporting_and_close_out_make_it_done()
    {
        var office = await D.ApiClientAsync("duchashi");
        var liaison = await D.ApiClientAsync("fgj");
        var ledger = await NewLedgerAsync(office);
        var due = Today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var task = await NewTaskAsync(office, ledger, new[] { new { name = "完成桩基施工", due } });
        var id = task.GetProperty("id").GetInt32();
        Assert.Equal("Yellow", task.GetProperty("light").GetString());
        Assert.Equal("MilestoneDueSoon", task.GetProperty("lightReason").GetString());
        Assert.Equal("完成桩基施工", task.GetProperty("lightReasonText").GetString());
        Assert.Equal(due, task.GetProperty("lightReasonDate").GetString());

        // Close-out is refused while the milestone is open.
        var early = await liaison.PostAsJsonAsync($"/api/v1/tasks/{id}/reviews", new { kind = "CloseOut", statement = "已完成" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("还有未完成的时间节点", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The liaison reports, marking the milestone done.
        var milestoneId = task.GetProperty("milestones")[0].GetProperty("id").GetInt32();
        var report = await liaison.PostAsJsonAsync($"/api/v1/tasks/{id}/reports", new { done = "12 栋主体全部封顶", percent = 100, completedMilestoneIds = new[] { milestoneId } });
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        var afterReport = await liaison.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}");
        Assert.Equal(100, afterReport.GetProperty("percent").GetInt32());
        Assert.Equal("Green", afterReport.GetProperty("light").GetString());

        var apply = await liaison.PostAsJsonAsync($"/api/v1/tasks/{id}/reviews", new { kind = "CloseOut", statement = "主体已封顶，附监理验收记录。" });
        Assert.Equal(HttpStatusCode.Created, apply.StatusCode);
        var reviewId = (await apply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal("CloseOutPending", (await office.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}")).GetProperty("status").GetString());

        // The liaison cannot decide their own request; the office can.
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/decision", new { approve = true })).StatusCode);
        var pending = await office.GetFromJsonAsync<JsonElement>("/api/v1/reviews?status=Pending");
        Assert.Contains(pending.EnumerateArray(), r => r.GetProperty("id").GetInt32() == reviewId);
        var approve = await office.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/decision", new { approve = true, note = "同意销号" });
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);

        var closed = await office.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}");
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal("Done", closed.GetProperty("light").GetString());
        Assert.Equal(Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), closed.GetProperty("closedOn").GetString());

        // A closed task takes no more reports.
        var late = await liaison.PostAsJsonAsync($"/api/v1/tasks/{id}/reports", new { done = "补充" });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("已销号", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Every light it had is in the history.
        var changes = await app.WithDbAsync(db => db.LightChanges.IgnoreQueryFilters().Where(c => c.WorkItemId == id).OrderBy(c => c.Id).Select(c => c.To).ToListAsync());
        Assert.Equal([Light.Yellow, Light.Green, Light.Done], changes);
    }

    [Fact]
    public async Task A_returned_close_out_goes_back_to_the_unit_with_the_reason()
    {
        var office = await D.ApiClientAsync("duchashi");
        var liaison = await D.ApiClientAsync("fgj");
        var task = await NewTaskAsync(office, await NewLedgerAsync(office));
        var id = task.GetProperty("id").GetInt32();
        var apply = await liaison.PostAsJsonAsync($"/api/v1/tasks/{id}/reviews", new { kind = "CloseOut", statement = "已完成" });
        var reviewId = (await apply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var noReason = await office.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/decision", new { approve = false });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("请填写理由", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var back = await office.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/decision", new { approve = false, note = "缺少竣工验收报告" });
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        var reviews = await liaison.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}/reviews");
        var returned = reviews.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == reviewId);
        Assert.Equal("Returned", returned.GetProperty("status").GetString());
        Assert.Equal("缺少竣工验收报告", returned.GetProperty("reviewNote").GetString());
        Assert.Equal("InProgress", (await liaison.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}")).GetProperty("status").GetString());

        var twice = await office.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/decision", new { approve = true });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
    }

    [Fact]
    public async Task An_extension_moves_the_deadline_only_when_approved_and_is_counted()
    {
        var office = await D.ApiClientAsync("duchashi");
        var liaison = await D.ApiClientAsync("fgj");
        var deadline = Today.AddDays(60);
        var task = await NewTaskAsync(office, await NewLedgerAsync(office), deadline: deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var id = task.GetProperty("id").GetInt32();

        var earlier = await liaison.PostAsJsonAsync($"/api/v1/tasks/{id}/reviews", new { kind = "Extension", statement = "征迁滞后", proposedDeadline = deadline.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, earlier.StatusCode);
        var errors = (await earlier.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("新的完成时限应晚于现在的时限。", errors.GetProperty("ProposedDeadline")[0].GetString());

        var later = deadline.AddDays(90).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var ask = await liaison.PostAsJsonAsync($"/api/v1/tasks/{id}/reviews", new { kind = "Extension", statement = "征迁滞后，申请延期三个月", proposedDeadline = later });
        var reviewId = (await ask.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (await office.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}")).GetProperty("deadline").GetString());

        await office.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/decision", new { approve = true });
        var extended = await office.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}");
        Assert.Equal(later, extended.GetProperty("deadline").GetString());
        Assert.Equal(1, extended.GetProperty("extensionCount").GetInt32());
    }

    [Fact]
    public async Task An_overdue_task_exempted_by_the_office_shows_green_with_the_reason()
    {
        var office = await D.ApiClientAsync("duchashi");
        var ledger = await NewLedgerAsync(office);
        var task = await NewTaskAsync(office, ledger, new[] { new { name = "完成征地", due = Today.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } });
        var id = task.GetProperty("id").GetInt32();
        Assert.Equal("Red", task.GetProperty("light").GetString());
        Assert.Equal("MilestoneOverdue", task.GetProperty("lightReason").GetString());

        var noReason = await office.PutAsJsonAsync($"/api/v1/tasks/{id}/exemption", new { until = Today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        var exempt = await office.PutAsJsonAsync($"/api/v1/tasks/{id}/exemption", new { reason = "汛期停工（不可抗力）", until = Today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, exempt.StatusCode);
        var body = await exempt.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Green", body.GetProperty("light").GetString());
        Assert.Equal("Exempted", body.GetProperty("lightReason").GetString());
        Assert.Equal("汛期停工（不可抗力）", body.GetProperty("exemptReason").GetString());

        var lifted = await office.PutAsJsonAsync($"/api/v1/tasks/{id}/exemption", new { });
        Assert.Equal("Red", (await lifted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("light").GetString());
    }

    [Fact]
    public async Task Bad_task_input_is_refused_field_by_field_and_nothing_is_written()
    {
        var office = await D.ApiClientAsync("duchashi");
        var ledger = await NewLedgerAsync(office);
        var before = await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().CountAsync());
        var response = await office.PostAsJsonAsync("/api/v1/tasks", new
        {
            ledgerId = ledger,
            name = "",
            targetValue = 30,
            startDate = "2026-06-01",
            deadline = "2026-05-01",
            cadence = "Weekly",
            cadenceDay = 9,
            milestones = new[] { new { name = "", due = (string?)"2026-05-20" }, new { name = "节点", due = (string?)null }, new { name = "节点二", due = (string?)"2026-07-01" }, new { name = "", due = (string?)null } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("此项为必填项。", errors.GetProperty("Name")[0].GetString());
        Assert.Equal("此项为必填项。", errors.GetProperty("LeadUnitId")[0].GetString());
        Assert.Equal("填写了目标值，请同时填写计量单位。", errors.GetProperty("TargetUnit")[0].GetString());
        Assert.Equal("完成时限不能早于开始日期。", errors.GetProperty("Deadline")[0].GetString());
        Assert.Equal("报送日应为星期一至星期日（1–7）。", errors.GetProperty("CadenceDay")[0].GetString());
        Assert.Equal("此项为必填项。", errors.GetProperty("Milestones[0].Name")[0].GetString());
        Assert.Equal("此项为必填项。", errors.GetProperty("Milestones[1].Due")[0].GetString());
        Assert.Equal("时间节点不能晚于完成时限。", errors.GetProperty("Milestones[2].Due")[0].GetString());
        Assert.False(errors.TryGetProperty("Milestones[3].Name", out _)); // an empty form row is not a milestone
        Assert.Equal(before, await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Within_N_workdays_follows_the_holiday_calendar()
    {
        var office = await D.ApiClientAsync("duchashi");
        var ledger = await NewLedgerAsync(office);
        // Start on Wednesday 30 September 2026: 1–7 October are holidays and Saturday 10 October is a make-up day.
        await app.WithDbAsync(async db =>
        {
            if (!await db.CalendarDays.IgnoreQueryFilters().AnyAsync(d => d.RegionId == D.RegionId && d.Date == new DateOnly(2026, 10, 1)))
            {
                db.CalendarDays.AddRange(Enumerable.Range(1, 7).Select(d => new CalendarDay { RegionId = D.RegionId, Date = new DateOnly(2026, 10, d), IsWorkday = false, Name = "国庆节" }));
                db.CalendarDays.Add(new CalendarDay { RegionId = D.RegionId, Date = new DateOnly(2026, 10, 10), IsWorkday = true, Name = "国庆节调休" });
            }

            return await db.SaveChangesAsync();
        });
        var response = await office.PostAsJsonAsync("/api/v1/tasks", new { ledgerId = ledger, name = "三个工作日内报送整改方案", leadUnitId = D.UnitA, startDate = "2026-09-30", deadlineInWorkdays = 3, cadence = "None" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("2026-10-10", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deadline").GetString());
    }

    [Fact]
    public async Task A_liaison_lists_and_reports_only_on_their_own_units_work()
    {
        var office = await D.ApiClientAsync("duchashi");
        var ledger = await NewLedgerAsync(office);
        var mine = (await NewTaskAsync(office, ledger, leadUnit: D.UnitA)).GetProperty("id").GetInt32();
        var theirs = (await NewTaskAsync(office, ledger, leadUnit: await D.UnitIdAsync("河口镇"))).GetProperty("id").GetInt32();

        var liaison = await D.ApiClientAsync("fgj");
        var page = await liaison.GetFromJsonAsync<JsonElement>($"/api/v1/tasks?ledgerId={ledger}&pageSize=100");
        var ids = page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(mine, ids);
        Assert.DoesNotContain(theirs, ids);
        Assert.Equal(ids.Count, page.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.PostAsJsonAsync($"/api/v1/tasks/{theirs}/reports", new { done = "越权" })).StatusCode);

        // A supporting unit sees the task but does not report on it.
        var support = await D.ApiClientAsync("chengguan");
        Assert.Equal(HttpStatusCode.OK, (await support.GetAsync($"/api/v1/tasks/{mine}")).StatusCode);
        async Task<List<int>> Listed(HttpClient client, string query)
        {
            var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks?ledgerId={ledger}&pageSize=100{query}");
            var listed = list.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ToList();
            Assert.Equal(listed.Count, list.GetProperty("total").GetInt32());
            return listed;
        }

        // Both are listed for the supporting unit too (led outside its subtree), with or without the light as a filter.
        var light = (await support.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{mine}")).GetProperty("light").GetString();
        var other = light == "Red" ? "Green" : "Red";
        Assert.Equal([mine, theirs], await Listed(support, string.Empty));
        Assert.Contains(mine, await Listed(support, "&light=" + light));
        Assert.DoesNotContain(mine, await Listed(support, "&light=" + other));
        Assert.Contains(mine, await Listed(liaison, "&light=" + light));
        Assert.DoesNotContain(mine, await Listed(liaison, "&light=" + other));
        var refused = await support.PostAsJsonAsync($"/api/v1/tasks/{mine}/reports", new { done = "配合单位填报" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("只有牵头单位或指定联络员可以填报", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_office_assigns_several_tasks_at_once_all_or_none()
    {
        var office = await D.ApiClientAsync("duchashi");
        var ledger = await NewLedgerAsync(office);
        var a = (await NewTaskAsync(office, ledger)).GetProperty("id").GetInt32();
        var b = (await NewTaskAsync(office, ledger)).GetProperty("id").GetInt32();
        var leader = await app.WithDbAsync(db => db.People.IgnoreQueryFilters().Where(p => p.Name == "张卫东").Select(p => p.Id).FirstAsync());

        // One foreign id spoils the batch: nothing changes.
        var mixed = await office.PostAsJsonAsync("/api/v1/tasks/bulk-assign", new { taskIds = new[] { a, D.OtherRegionTask }, leadUnitId = D.UnitB });
        Assert.Equal(HttpStatusCode.NotFound, mixed.StatusCode);
        Assert.Equal(D.UnitA, (await office.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{a}")).GetProperty("leadUnit").GetProperty("id").GetInt32());

        var nothing = await office.PostAsJsonAsync("/api/v1/tasks/bulk-assign", new { taskIds = new[] { a, b } });
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Contains("请选择新的牵头单位、责任领导或联络员", await nothing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var done = await office.PostAsJsonAsync("/api/v1/tasks/bulk-assign", new { taskIds = new[] { a, b }, leadUnitId = D.UnitB, leaderId = leader });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(2, (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assigned").GetInt32());
        foreach (var id in new[] { a, b })
        {
            var task = await office.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}");
            Assert.Equal(D.UnitB, task.GetProperty("leadUnit").GetProperty("id").GetInt32());
            Assert.Equal(leader, task.GetProperty("leader").GetProperty("id").GetInt32());
        }

        // The new lead unit sees them; the old one no longer does.
        Assert.Equal(HttpStatusCode.OK, (await (await D.ApiClientAsync("chengguan")).GetAsync($"/api/v1/tasks/{a}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await D.ApiClientAsync("fgj")).GetAsync($"/api/v1/tasks/{a}")).StatusCode);
    }

    [Fact]
    public async Task The_ledger_filters_by_light_and_by_unit()
    {
        var office = await D.ApiClientAsync("duchashi");
        var ledger = await NewLedgerAsync(office);
        await NewTaskAsync(office, ledger, new[] { new { name = "逾期节点", due = Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } });
        await NewTaskAsync(office, ledger);
        await NewTaskAsync(office, ledger, leadUnit: D.UnitB);

        var red = await office.GetFromJsonAsync<JsonElement>($"/api/v1/tasks?ledgerId={ledger}&light=Red");
        Assert.Equal(1, red.GetProperty("total").GetInt32());
        Assert.Equal("Red", red.GetProperty("rows")[0].GetProperty("light").GetString());
        var inB = await office.GetFromJsonAsync<JsonElement>($"/api/v1/tasks?ledgerId={ledger}&unitId={D.UnitB}");
        Assert.Equal(1, inB.GetProperty("total").GetInt32());
        var sorted = await office.GetFromJsonAsync<JsonElement>($"/api/v1/tasks?ledgerId={ledger}&sort=light");
        Assert.Equal("Red", sorted.GetProperty("rows")[0].GetProperty("light").GetString());
    }
}

[Collection(OnSqlite.Name)]
public sealed class SupervisionLoopTestsOnSqlite(SqliteFactory app) : SupervisionLoopTests(app);

[Collection(OnPostgres.Name)]
public sealed class SupervisionLoopTestsOnPostgres(PostgresFactory app) : SupervisionLoopTests(app);
