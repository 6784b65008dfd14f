using System.Net;
using System.Text.Json;
using Duban.Domain.Work;
using Duban.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.IntegrationTests.Projects;

/// <summary>Key projects through the API: entered, invested in, lit, their problems assigned and closed, on the map.</summary>
public abstract class ProjectsTests(DubanFactory app)
{
    // 20 November 2026, 10:00 in Beijing: data through October, time progress 10 ÷ 12 = 83 points.
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private TestData D => app.Data;

    private async Task<int> StewardOfAAsync() =>
        await app.WithDbAsync(db => db.Users.IgnoreQueryFilters().Where(a => a.UserName == "fgj").Select(a => a.PersonId!.Value).SingleAsync());

    private async Task<(HttpClient Office, int Id)> NewProjectAsync(object? extra = null)
    {
        var office = await D.ApiClientAsync("duchashi");
        var body = new Dictionary<string, object?>
        {
            ["ledgerId"] = D.LedgerId,
            ["name"] = "青山县智能装备产业园" + Guid.NewGuid().ToString("N")[..4],
            ["leadUnitId"] = D.UnitA,
            ["stewardId"] = await StewardOfAAsync(),
            ["pool"] = "Implementation",
            ["category"] = "Industrial",
            ["totalInvestment"] = 50000,
            ["longitude"] = 113.4,
            ["latitude"] = 28.3,
            ["startYear"] = 2026,
            ["signedPlanned"] = "2026-01-10",
            ["startPlanned"] = "2026-03-01",
        };
        if (extra is not null)
        {
            foreach (var p in JsonSerializer.SerializeToElement(extra).EnumerateObject())
            {
                body[p.Name] = p.Value;
            }
        }

        var created = await office.PostAsJsonAsync("/api/v1/projects", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (office, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("item").GetProperty("id").GetInt32());
    }

    private Task<WorkItem> ItemAsync(int id) => app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().AsNoTracking().SingleAsync(w => w.Id == id));

    [Fact]
    public async Task Bad_project_input_is_refused_in_chinese_and_nothing_is_written()
    {
        var office = await D.ApiClientAsync("duchashi");
        var before = await app.WithDbAsync(db => db.Projects.IgnoreQueryFilters().CountAsync());
        var bad = await office.PostAsJsonAsync("/api/v1/projects", new
        {
            ledgerId = D.LedgerId,
            name = "坏数据项目",
            leadUnitId = D.UnitA,
            totalInvestment = -5,
            longitude = 113.4,
            signedPlanned = "2026-05-01",
            startPlanned = "2026-03-01",
            stewardId = 999_999,
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("金额", errors.GetProperty("TotalInvestment")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("经纬度", errors.GetProperty("Longitude")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("依次", errors.GetProperty("StartPlanned")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("StewardId", out _), errors.GetRawText());
        Assert.Equal(before, await app.WithDbAsync(db => db.Projects.IgnoreQueryFilters().CountAsync()));

        var liaison = await D.ApiClientAsync("fgj");
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsJsonAsync("/api/v1/projects", new { name = "越权项目" })).StatusCode);
    }

    [Fact]
    public async Task Investment_far_behind_time_turns_the_project_red_with_its_reason_and_only_its_steward_or_unit_records_it()
    {
        using var pin = app.Clock.Pin(Now);
        var (office, id) = await NewProjectAsync(new { startPlanned = "2026-11-02" }); // due to start this month: not late
        Assert.Equal(HttpStatusCode.OK, (await office.PutAsJsonAsync($"/api/v1/projects/{id}/plan", new { year = 2026, amount = 10000 })).StatusCode);

        // Nothing recorded against a plan of 10,000 in November: 83 points behind.
        var item = await ItemAsync(id);
        Assert.Equal((Light.Red, LightReason.InvestmentFarBehind, 83), (item.Light, item.LightReason, item.LightReasonNumber));

        var steward = await D.ApiClientAsync("fgj");
        var future = await steward.PutAsJsonAsync($"/api/v1/projects/{id}/investments", new { year = 2026, month = 12, amount = 100 });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("尚未到来", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var negative = await steward.PutAsJsonAsync($"/api/v1/projects/{id}/investments", new { year = 2026, month = 10, amount = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.ProjectInvestments.IgnoreQueryFilters().CountAsync(i => i.WorkItemId == id)));

        var recorded = await steward.PutAsJsonAsync($"/api/v1/projects/{id}/investments", new { year = 2026, month = 10, amount = 5000 });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var detail = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(50, detail.GetProperty("completion").GetInt32());
        Assert.Equal(83, detail.GetProperty("timeProgress").GetInt32());
        Assert.Equal(33, detail.GetProperty("gap").GetInt32());
        Assert.Equal("Red", detail.GetProperty("item").GetProperty("light").GetString());
        Assert.Equal("InvestmentFarBehind", detail.GetProperty("item").GetProperty("lightReason").GetString());

        // Correcting the month (not adding a second row) brings it within 10 points: green.
        await steward.PutAsJsonAsync($"/api/v1/projects/{id}/investments", new { year = 2026, month = 10, amount = 7400 });
        Assert.Equal(1, await app.WithDbAsync(db => db.ProjectInvestments.IgnoreQueryFilters().CountAsync(i => i.WorkItemId == id)));
        Assert.Equal(Light.Green, (await ItemAsync(id)).Light);

        // Another unit's liaison cannot record it, nor see it.
        var other = await D.ApiClientAsync("chengguan");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/v1/projects/{id}/investments", new { year = 2026, month = 9, amount = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/projects/{id}")).StatusCode);
        var list = await other.GetFromJsonAsync<JsonElement>("/api/v1/projects?pageSize=100");
        Assert.DoesNotContain(list.GetProperty("rows").EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);

        // The plan is the office's.
        Assert.Equal(HttpStatusCode.Forbidden, (await steward.PutAsJsonAsync($"/api/v1/projects/{id}/plan", new { year = 2026, amount = 1 })).StatusCode);
    }

    [Fact]
    public async Task Stages_are_recorded_in_order_and_a_late_start_lights_the_project()
    {
        using var pin = app.Clock.Pin(Now);
        var (office, id) = await NewProjectAsync(new { startPlanned = "2026-07-15" });
        var item = await ItemAsync(id);
        Assert.Equal((Light.Red, LightReason.StartOverdueLong, 4), (item.Light, item.LightReason, item.LightReasonNumber));

        var steward = await D.ApiClientAsync("fgj");
        var skipped = await steward.PostAsJsonAsync($"/api/v1/projects/{id}/stages", new { stage = "Started", on = "2026-11-01" });
        Assert.Equal(HttpStatusCode.BadRequest, skipped.StatusCode);
        Assert.Contains("请先登记前一阶段", await skipped.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await steward.PostAsJsonAsync($"/api/v1/projects/{id}/stages", new { stage = "Signed", on = "2026-06-01" })).StatusCode);
        var started = await steward.PostAsJsonAsync($"/api/v1/projects/{id}/stages", new { stage = "Started", on = "2026-11-01" });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal("Started", (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stage").GetString());
        item = await ItemAsync(id);
        Assert.Null(item.PlannedStartMonth);
        Assert.NotEqual(LightReason.StartOverdueLong, item.LightReason);

        // Withdrawn: grey, kept with its reason; restored: back in implementation.
        var withdrawn = await office.PostAsJsonAsync($"/api/v1/projects/{id}/withdrawal", new { reason = "企业投资计划调整", approvedBy = "县政府常务会议" });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(Light.Grey, (await ItemAsync(id)).Light);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsJsonAsync($"/api/v1/projects/{id}/withdrawal", new { reason = "再次", approvedBy = "x" })).StatusCode);
        var restored = await office.DeleteAsync($"/api/v1/projects/{id}/withdrawal");
        Assert.Equal("Implementation", (await restored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pool").GetString());
    }

    [Fact]
    public async Task A_problem_is_assigned_answered_and_closed_out_and_while_overdue_it_lights_its_project()
    {
        var (office, id) = await NewProjectAsync();
        var today = Duban.Domain.RegionClock.Today(app.Clock, "Asia/Shanghai");
        var deadline = today.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var raised = await office.PostAsJsonAsync("/api/v1/problems", new { projectId = id, name = "项目用地指标未落实", cause = "Land", leadUnitId = D.UnitB, deadline });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var problemId = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsJsonAsync("/api/v1/problems", new { projectId = id, name = "无类别", leadUnitId = D.UnitB, deadline })).StatusCode);

        // The unit it is assigned to sees it as new, answers it, and it is in progress.
        var town = await D.ApiClientAsync("chengguan");
        var fresh = await town.GetFromJsonAsync<JsonElement>("/api/v1/problems?list=New");
        Assert.Contains(fresh.EnumerateArray(), p => p.GetProperty("id").GetInt32() == problemId && p.GetProperty("cause").GetString() == "Land");
        Assert.Equal(HttpStatusCode.Created, (await town.PostAsJsonAsync($"/api/v1/tasks/{problemId}/reports", new { done = "已协调县自然资源局调剂用地指标 30 亩。" })).StatusCode);
        var progress = await town.GetFromJsonAsync<JsonElement>("/api/v1/problems?list=Progress");
        Assert.Contains(progress.EnumerateArray(), p => p.GetProperty("id").GetInt32() == problemId);

        // Past its deadline and still open, it lights its project yellow (at least).
        using (app.Clock.Pin(DateTimeOffset.UtcNow.AddDays(8)))
        {
            await office.PostAsync("/api/v1/lights/recompute", null);
            var project = await ItemAsync(id);
            Assert.Equal(1, project.OverdueProblems);
            Assert.True(project.Light is Light.Yellow or Light.Red, project.Light.ToString());
        }

        // Closed out: the unit applies, the office approves.
        var apply = await town.PostAsJsonAsync($"/api/v1/tasks/{problemId}/reviews", new { kind = "CloseOut", statement = "用地指标已落实，附批复。" });
        Assert.Equal(HttpStatusCode.Created, apply.StatusCode);
        var reviewId = (await apply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/decision", new { approve = true })).StatusCode);
        var closed = await office.GetFromJsonAsync<JsonElement>($"/api/v1/problems?list=Closed&projectId={id}");
        Assert.Contains(closed.EnumerateArray(), p => p.GetProperty("id").GetInt32() == problemId);
        Assert.Equal(0, (await ItemAsync(id)).OverdueProblems);
    }

    [Fact]
    public async Task The_map_shows_projects_in_their_colour_and_takes_only_polygon_geojson_from_an_administrator()
    {
        using var pin = app.Clock.Pin(Now);
        var (office, id) = await NewProjectAsync(new { startPlanned = "2026-06-01" });
        var points = await office.GetFromJsonAsync<JsonElement>("/api/v1/projects/map?pool=Implementation");
        var point = points.EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == id);
        Assert.Equal("Red", point.GetProperty("light").GetString());
        Assert.Equal(113.4, point.GetProperty("longitude").GetDouble());
        Assert.DoesNotContain(points.EnumerateArray(), p => p.GetProperty("id").GetInt32() == D.OtherRegionProject);
        var started = await office.GetFromJsonAsync<JsonElement>("/api/v1/projects/map?stage=Producing");
        Assert.DoesNotContain(started.EnumerateArray(), p => p.GetProperty("id").GetInt32() == id);

        var admin = await D.ApiClientAsync("admin");
        static StringContent Geo(string json) => new(json, System.Text.Encoding.UTF8, "application/geo+json");
        var notGeo = await admin.PutAsync("/api/v1/map/boundary", Geo("{\"type\":\"Point\",\"coordinates\":[1,2]}"));
        Assert.Equal(HttpStatusCode.BadRequest, notGeo.StatusCode);
        Assert.Contains("GeoJSON", await notGeo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsync("/api/v1/map/boundary", Geo("{\"type\":"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PutAsync("/api/v1/map/boundary", Geo(Duban.Web.Setup.DemoProjects.Boundary))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync("/api/v1/map/boundary", Geo(Duban.Web.Setup.DemoProjects.Boundary))).StatusCode);
        var boundary = await office.GetStringAsync("/api/v1/map/boundary");
        Assert.Contains("青山县", boundary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_three_batches_figures_equal_direct_counts_over_the_projects()
    {
        using var pin = app.Clock.Pin(Now);
        await NewProjectAsync();
        var office = await D.ApiClientAsync("duchashi");
        var figures = await office.GetFromJsonAsync<JsonElement>("/api/v1/projects/figures?year=2026&month=10");
        var end = new DateOnly(2026, 10, 31);
        var expected = await app.WithDbAsync(db => db.Projects.IgnoreQueryFilters()
            .Where(p => p.RegionId == D.RegionId && p.Pool != Duban.Domain.Projects.ProjectPool.Withdrawn)
            .Select(p => new { p.TotalInvestment, p.SignedOn, p.StartedOn }).ToListAsync());
        var total = figures.GetProperty("total");
        Assert.Equal(expected.Count, total.GetProperty("projects").GetInt32());
        Assert.Equal(expected.Count(p => p.TotalInvestment >= 10_000), total.GetProperty("large").GetInt32());
        Assert.Equal(expected.Count(p => p.SignedOn <= end), total.GetProperty("signedCount").GetInt32());
        Assert.Equal(expected.Count(p => p.StartedOn <= end), total.GetProperty("startedCount").GetInt32());
        Assert.Equal(total.GetProperty("projects").GetInt32(), figures.GetProperty("units").EnumerateArray().Sum(u => u.GetProperty("projects").GetInt32()));
    }
}

[Collection(OnSqlite.Name)]
public sealed class ProjectsTestsOnSqlite(SqliteFactory app) : ProjectsTests(app);

[Collection(OnPostgres.Name)]
public sealed class ProjectsTestsOnPostgres(PostgresFactory app) : ProjectsTests(app);
