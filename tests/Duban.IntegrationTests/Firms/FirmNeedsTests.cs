using System.Net;
using System.Text.Json;
using Duban.Domain.Promotion;
using Duban.Domain.Work;
using Duban.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.IntegrationTests.Firms;

/// <summary>
/// Serving firms through the API and the pages: the office registers a firm and its need and assigns it to a town;
/// the town answers; the firm is not satisfied, the need re-opens with a new deadline, is answered again and closed
/// out once the firm is satisfied. Only the office registers, rates and closes; a need is its unit's to see; forms
/// posted by people never shown them are refused with nothing written; bad input is explained.
/// </summary>
public abstract class FirmNeedsTests(DubanFactory app)
{
    private TestData D => app.Data;

    private Task<(int Firms, int Needs, int Ratings, int Items)> CountsAsync() => app.WithDbAsync(async db => (
        await db.Firms.IgnoreQueryFilters().CountAsync(),
        await db.FirmNeeds.IgnoreQueryFilters().CountAsync(),
        await db.NeedRatings.IgnoreQueryFilters().CountAsync(),
        await db.WorkItems.IgnoreQueryFilters().CountAsync()));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<(int Firm, int Need)> RegisterAsync(HttpClient office, string firmName, string needName)
    {
        var firm = await JsonAsync(await office.PostAsJsonAsync("/api/v1/firms", new { name = firmName, creditCode = "91430100MA4L" + Random.Shared.Next(100000, 999999), industry = "装备制造", townUnitId = D.UnitB, isKey = true }), HttpStatusCode.Created);
        var firmId = firm.GetProperty("id").GetInt32();
        var need = await JsonAsync(await office.PostAsJsonAsync($"/api/v1/firms/{firmId}/needs", new { name = needName, content = "企业反映", category = "Labour", source = "Visit", leadUnitId = D.UnitB, deadline = "2031-06-30" }), HttpStatusCode.Created);
        return (firmId, need.GetProperty("need").GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task A_need_is_assigned_answered_rated_not_satisfied_reopened_answered_again_and_closed_out()
    {
        var office = await D.ApiClientAsync("duchashi");
        var town = await D.ApiClientAsync("chengguan");
        var (firmId, id) = await RegisterAsync(office, "青山重工机械有限公司", "扩产急需焊工50名");

        // The town sees the need as its work; the firm's page lists it.
        var need = await JsonAsync(await town.GetAsync($"/api/v1/needs/{id}"), HttpStatusCode.OK);
        Assert.Equal("Labour", need.GetProperty("need").GetProperty("category").GetString());
        Assert.Equal(1, need.GetProperty("need").GetProperty("round").GetInt32());
        Assert.False(need.GetProperty("need").GetProperty("answered").GetBoolean());
        var firm = await JsonAsync(await town.GetAsync($"/api/v1/firms/{firmId}"), HttpStatusCode.OK);
        Assert.Contains(firm.GetProperty("needs").EnumerateArray(), n => n.GetProperty("id").GetInt32() == id);

        // No rating before an answer; the town does not rate its own answer.
        var early = await office.PostAsJsonAsync($"/api/v1/needs/{id}/rating", new { satisfaction = "Satisfied" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("尚未答复", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await JsonAsync(await town.PostAsJsonAsync($"/api/v1/tasks/{id}/reports", new { done = "已对接县人社局组织专场招聘" }), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Forbidden, (await town.PostAsJsonAsync($"/api/v1/needs/{id}/rating", new { satisfaction = "Satisfied" })).StatusCode);

        // Not satisfied: a reason and a new deadline are required, and then it is the town's again.
        var noDeadline = await office.PostAsJsonAsync($"/api/v1/needs/{id}/rating", new { satisfaction = "Unsatisfied", comment = "只开了招聘会，没有招到人" });
        Assert.Equal(HttpStatusCode.BadRequest, noDeadline.StatusCode);
        Assert.True((await noDeadline.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("NewDeadline", out _));
        var noWhy = await office.PostAsJsonAsync($"/api/v1/needs/{id}/rating", new { satisfaction = "Unsatisfied", newDeadline = "2031-09-30" });
        Assert.True((await noWhy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Comment", out _));

        // The town asks for close-out before the firm says no; the re-opening answers that request.
        await JsonAsync(await town.PostAsJsonAsync($"/api/v1/tasks/{id}/reviews", new { kind = "CloseOut", statement = "已办结" }), HttpStatusCode.Created);
        need = await JsonAsync(await office.PostAsJsonAsync($"/api/v1/needs/{id}/rating", new { satisfaction = "Unsatisfied", comment = "只开了招聘会，没有招到人", newDeadline = "2031-09-30" }), HttpStatusCode.OK);
        Assert.Equal(2, need.GetProperty("need").GetProperty("round").GetInt32());
        Assert.Equal("2031-09-30", need.GetProperty("need").GetProperty("deadline").GetString());
        Assert.False(need.GetProperty("mayClose").GetBoolean());
        var (status, pending) = await app.WithDbAsync(async db => (
            await db.WorkItems.IgnoreQueryFilters().Where(w => w.Id == id).Select(w => w.Status).SingleAsync(),
            await db.Reviews.IgnoreQueryFilters().CountAsync(r => r.WorkItemId == id && r.Status == ReviewStatus.Pending)));
        Assert.Equal(WorkItemStatus.InProgress, status);
        Assert.Equal(0, pending);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsJsonAsync($"/api/v1/needs/{id}/closure", new { })).StatusCode);

        // The second round's answer, then a close-out the office may approve only after the firm is satisfied.
        await JsonAsync(await town.PostAsJsonAsync($"/api/v1/tasks/{id}/reports", new { done = "联合职业学校定向培训焊工，已到岗52名" }), HttpStatusCode.Created);
        var review = await JsonAsync(await town.PostAsJsonAsync($"/api/v1/tasks/{id}/reviews", new { kind = "CloseOut", statement = "已招到人" }), HttpStatusCode.Created);
        var approve = await office.PostAsJsonAsync($"/api/v1/reviews/{review.GetProperty("id").GetInt32()}/decision", new { approve = true });
        Assert.Equal(HttpStatusCode.BadRequest, approve.StatusCode);
        Assert.Contains("满意", await approve.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        need = await JsonAsync(await office.PostAsJsonAsync($"/api/v1/needs/{id}/rating", new { satisfaction = "Basic", comment = "基本解决" }), HttpStatusCode.OK);
        Assert.True(need.GetProperty("mayClose").GetBoolean());
        Assert.Equal(2, need.GetProperty("ratings").GetArrayLength());
        need = await JsonAsync(await office.PostAsJsonAsync($"/api/v1/needs/{id}/closure", new { }), HttpStatusCode.OK);
        Assert.Equal("Closed", need.GetProperty("need").GetProperty("status").GetString());
        Assert.Equal("Done", need.GetProperty("need").GetProperty("light").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Reviews.IgnoreQueryFilters().CountAsync(r => r.WorkItemId == id && r.Status == ReviewStatus.Pending)));

        // The figures count it: 办结率 and 满意率 of the year's needs equal a direct count.
        var figures = await JsonAsync(await office.GetAsync("/api/v1/needs/figures?year=" + DateTime.UtcNow.Year), HttpStatusCode.OK);
        var labour = figures.EnumerateArray().Single(f => f.GetProperty("category").GetString() == "Labour");
        var first = new DateOnly(DateTime.UtcNow.Year, 1, 1).DayNumber;
        var expected = await app.WithDbAsync(async db =>
        {
            var rows = await db.WorkItems.IgnoreQueryFilters().Where(w => w.RegionId == D.RegionId && w.Kind == WorkItemKind.Problem && w.ProblemCause == ProblemCause.Labour && w.StartDay >= first && w.StartDay < first + 366)
                .Join(db.FirmNeeds.IgnoreQueryFilters(), w => w.Id, n => n.WorkItemId, (w, n) => new { w.Status, n.LastRating }).ToListAsync();
            return (Total: rows.Count, Closed: rows.Count(r => r.Status == WorkItemStatus.Closed), Rated: rows.Count(r => r.LastRating != null), Satisfied: rows.Count(r => r.LastRating is Satisfaction.Satisfied or Satisfaction.Basic));
        });
        Assert.Equal(expected.Total, labour.GetProperty("total").GetInt32());
        Assert.Equal(expected.Closed, labour.GetProperty("closed").GetInt32());
        Assert.Equal(expected.Satisfied, labour.GetProperty("satisfied").GetInt32());
        Assert.Equal(NeedCategoryFigure.Rate(expected.Satisfied, expected.Rated), labour.GetProperty("satisfiedRate").GetInt32());
    }

    [Fact]
    public async Task Only_the_office_serves_firms_a_need_is_its_units_and_forms_never_shown_are_refused_with_nothing_written()
    {
        var office = await D.ApiClientAsync("duchashi");
        var (firmId, id) = await RegisterAsync(office, "青山新型建材有限公司", "申请用电增容");
        var before = await CountsAsync();

        // Another town's liaison, a viewer and a leader not named see the firm but not the need, and change nothing.
        foreach (var user in new[] { "fgj", "viewer" })
        {
            var api = await D.ApiClientAsync(user);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/firms/{firmId}")).StatusCode);
            var page = await JsonAsync(await api.GetAsync($"/api/v1/firms/{firmId}"), HttpStatusCode.OK);
            Assert.DoesNotContain(page.GetProperty("needs").EnumerateArray(), n => n.GetProperty("id").GetInt32() == id);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/needs/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/firms", new { name = "越权企业" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"/api/v1/firms/{firmId}/needs", new { name = "越权诉求", category = "Land", leadUnitId = D.UnitB, deadline = "2031-01-01" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"/api/v1/needs/{id}/closure", new { })).StatusCode);
        }

        // The town the need is assigned to answers on it, and posts the office's forms in vain.
        var town = await D.SignedInClientAsync("chengguan");
        Assert.Equal(HttpStatusCode.OK, (await town.GetAsync($"/Firms/Need/{id}")).StatusCode);
        var rate = await TestData.PostFormAsync(town, "/Account/Password", $"/Firms/Need/{id}?handler=Rate", new() { ["Rating.Satisfaction"] = "Satisfied" });
        Assert.Equal(HttpStatusCode.Forbidden, rate.StatusCode);
        var close = await TestData.PostFormAsync(town, "/Account/Password", $"/Firms/Need/{id}?handler=Close", []);
        Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
        var register = await TestData.PostFormAsync(town, "/Account/Password", $"/Firms/{firmId}?handler=Need", new() { ["Need.Name"] = "越权", ["Need.Category"] = "Land", ["Need.LeadUnitId"] = D.UnitB.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Need.Deadline"] = "2031-01-01" });
        Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);
        var edit = await TestData.PostFormAsync(town, "/Account/Password", $"/Firms/Edit/{firmId}", new() { ["Input.Name"] = "改名" });
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);

        // Someone of the other region sees neither.
        var stranger = await D.ApiClientAsync(TestData.OtherLiaison);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/firms/{firmId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/needs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync($"/api/v1/needs/{id}/rating", new { satisfaction = "Satisfied" })).StatusCode);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal("青山新型建材有限公司", await app.WithDbAsync(db => db.Firms.IgnoreQueryFilters().Where(f => f.Id == firmId).Select(f => f.Name).SingleAsync()));
    }

    [Fact]
    public async Task Bad_input_is_explained_in_the_users_language_and_nothing_is_written()
    {
        var office = await D.ApiClientAsync("duchashi");
        var (firmId, _) = await RegisterAsync(office, "青山电子科技有限公司", "人才公寓申请");
        var before = await CountsAsync();

        var duplicate = await office.PostAsJsonAsync("/api/v1/firms", new { name = "青山电子科技有限公司" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("同名", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var code = await office.PostAsJsonAsync("/api/v1/firms", new { name = "某新公司", creditCode = "12345" });
        Assert.Contains("18位", (await code.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("CreditCode")[0].GetString(), StringComparison.Ordinal);
        var control = await office.PostAsJsonAsync("/api/v1/firms", new { name = "某\u0007公司" });
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        var phone = await office.PostAsJsonAsync("/api/v1/firms", new { name = "某新公司", contactPhone = "call me" });
        Assert.True((await phone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("ContactPhone", out _));
        var needBad = await office.PostAsJsonAsync($"/api/v1/firms/{firmId}/needs", new { name = "缺类别", leadUnitId = D.UnitB, deadline = "2020-01-01" });
        var errors = (await needBad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("Category", out _));
        Assert.True(errors.TryGetProperty("Deadline", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await office.PostAsJsonAsync($"/api/v1/firms/{D.OtherRegionFirm}/needs", new { name = "外县", category = "Land", leadUnitId = D.UnitB, deadline = "2031-01-01" })).StatusCode);

        // The page form says the same in words on the page.
        var browser = await D.SignedInClientAsync("duchashi");
        var form = await TestData.PostFormAsync(browser, $"/Firms/{firmId}", $"/Firms/{firmId}?handler=Need", new() { ["Need.Name"] = "", ["Need.Deadline"] = "" });
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("必填", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var firmForm = await TestData.PostFormAsync(browser, "/Firms/Edit", "/Firms/Edit", new() { ["Input.Name"] = "某\u0001公司" });
        Assert.Equal(HttpStatusCode.OK, firmForm.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }
}

[Collection(OnSqlite.Name)]
public sealed class FirmNeedsTestsOnSqlite(SqliteFactory app) : FirmNeedsTests(app);

[Collection(OnPostgres.Name)]
public sealed class FirmNeedsTestsOnPostgres(PostgresFactory app) : FirmNeedsTests(app);
