using System.Net;
using System.Text.Json;
using Duban.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.IntegrationTests.Units;

public abstract class UnitsTests(DubanFactory app)
{
    private TestData D => app.Data;

    private Task<int> UnitCountAsync() => app.WithDbAsync(db => db.Units.IgnoreQueryFilters().CountAsync());

    [Fact]
    public async Task The_office_adds_a_unit_and_its_history_records_who_and_what()
    {
        var api = await D.ApiClientAsync("duchashi");
        var name = "县数据局" + Guid.NewGuid().ToString("N")[..4];
        var response = await api.PostAsJsonAsync("/api/v1/units", new { name, shortName = "数据局", kind = "Department", parentId = D.RootUnitId, sortOrder = 40 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/units/{id}", response.Headers.Location!.OriginalString);

        var rename = await api.PutAsJsonAsync($"/api/v1/units/{id}", new { name = name + "（新）", shortName = "数据局", kind = "Department", parentId = D.RootUnitId, sortOrder = 40, isActive = true });
        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);

        var history = await api.GetFromJsonAsync<JsonElement>($"/api/v1/history/Unit/{id}");
        var entries = history.EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "Created");
        var update = entries.First(e => e.GetProperty("action").GetString() == "Updated" && e.GetProperty("changes").EnumerateArray().Any(c => c.GetProperty("field").GetString() == "Name"));
        var change = update.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "Name");
        Assert.Equal(name, change.GetProperty("before").GetString());
        Assert.Equal(name + "（新）", change.GetProperty("after").GetString());
        Assert.All(entries, e => Assert.NotEqual("system", e.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task Invalid_input_is_refused_in_Chinese_and_nothing_is_written()
    {
        var api = await D.ApiClientAsync("duchashi");
        var before = await UnitCountAsync();

        var empty = await api.PostAsJsonAsync("/api/v1/units", new { name = "  ", kind = "Department" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var problem = await empty.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("此项为必填项。", problem.GetProperty("errors").GetProperty("Name")[0].GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("ParentId", out _));

        var tooLong = await api.PostAsJsonAsync("/api/v1/units", new { name = new string('长', 101), kind = "Department", parentId = D.RootUnitId });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("不能超过 100 个字符", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var duplicate = await api.PostAsJsonAsync("/api/v1/units", new { name = "城关镇", kind = "TownOrStreet", parentId = D.RootUnitId });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("已有名为“城关镇”的单位", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var foreignParent = await api.PostAsJsonAsync("/api/v1/units", new { name = "越界单位", kind = "Department", parentId = D.OtherRegionUnit });
        Assert.Equal(HttpStatusCode.BadRequest, foreignParent.StatusCode);

        var badKind = await api.PostAsJsonAsync("/api/v1/units", new { name = "某单位", kind = "Spaceship", parentId = D.RootUnitId });
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Contains("字段“kind”的值无法读取", await badKind.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var broken = new StringContent("{\"name\": \"半截", System.Text.Encoding.UTF8, "application/json");
        var truncated = await api.PostAsync("/api/v1/units", broken);
        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        Assert.Equal("application/problem+json", truncated.Content.Headers.ContentType!.MediaType);

        Assert.Equal(before, await UnitCountAsync());
    }

    [Fact]
    public async Task Moving_a_unit_carries_its_subtree_and_a_cycle_is_refused()
    {
        var api = await D.ApiClientAsync("admin");
        var suffix = Guid.NewGuid().ToString("N")[..4];
        async Task<int> Create(string name, int parent)
        {
            var r = await api.PostAsJsonAsync("/api/v1/units", new { name = name + suffix, kind = "Department", parentId = parent });
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        }

        var top = await Create("甲", D.RootUnitId);
        var middle = await Create("乙", top);
        var leaf = await Create("丙", middle);
        var target = await Create("丁", D.RootUnitId);

        // Work led by the leaf and supported by the middle unit moves with them (the office sets work; the administrator does not).
        var office = await D.ApiClientAsync("duchashi");
        var task = await office.PostAsJsonAsync("/api/v1/tasks", new { ledgerId = D.LedgerId, name = "随单位迁移的任务" + suffix, leadUnitId = leaf, supportingUnitIds = new[] { middle } });
        Assert.Equal(HttpStatusCode.Created, task.StatusCode);
        var taskId = (await task.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var cycle = await api.PutAsJsonAsync($"/api/v1/units/{top}", new { name = "甲" + suffix, kind = "Department", parentId = leaf, isActive = true });
        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);
        Assert.Contains("不能把单位移到它自己或它的下级单位之下", await cycle.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var move = await api.PutAsJsonAsync($"/api/v1/units/{middle}", new { name = "乙" + suffix, kind = "Department", parentId = target, isActive = true });
        Assert.Equal(HttpStatusCode.OK, move.StatusCode);

        var paths = await app.WithDbAsync(db => db.Units.Where(u => u.Id == middle || u.Id == leaf || u.Id == target).ToDictionaryAsync(u => u.Id, u => u.Path));
        Assert.Equal(paths[target] + middle + "/", paths[middle]);
        Assert.Equal(paths[middle] + leaf + "/", paths[leaf]);
        Assert.Equal(paths[leaf], await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().Where(w => w.Id == taskId).Select(w => w.LeadUnitPath).SingleAsync()));
        Assert.Equal(paths[middle], await app.WithDbAsync(db => db.WorkItemUnits.IgnoreQueryFilters().Where(w => w.WorkItemId == taskId).Select(w => w.UnitPath).SingleAsync()));

        // A liaison of the target unit now sees the moved subtree; the scope follows the tree.
        var units = await api.GetFromJsonAsync<JsonElement>("/api/v1/units");
        Assert.Equal(target, units.EnumerateArray().Single(u => u.GetProperty("id").GetInt32() == middle).GetProperty("parentId").GetInt32());
    }

    [Fact]
    public async Task The_edit_form_saves_through_the_page_and_shows_errors_in_place()
    {
        var browser = await D.SignedInClientAsync("duchashi");
        var invalid = await TestData.PostFormAsync(browser, "/Units/Edit", "/Units/Edit", new() { ["Input.Name"] = "", ["Input.Kind"] = "Department", ["Input.ParentId"] = D.RootUnitId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.IsActive"] = "true" });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("此项为必填项。", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var name = "县档案馆" + Guid.NewGuid().ToString("N")[..4];
        var saved = await TestData.PostFormAsync(browser, "/Units/Edit", "/Units/Edit", new() { ["Input.Name"] = name, ["Input.Kind"] = "Department", ["Input.ParentId"] = D.RootUnitId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.IsActive"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await browser.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains(name, details, StringComparison.Ordinal);
        Assert.Contains("已保存。", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_deactivated_through_the_form_stays_deactivated()
    {
        var api = await D.ApiClientAsync("duchashi");
        var created = await api.PostAsJsonAsync("/api/v1/units", new { name = "临时专班" + Guid.NewGuid().ToString("N")[..4], kind = "TaskForce", parentId = D.RootUnitId });
        var unit = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = unit.GetProperty("id").GetInt32();

        var browser = await D.SignedInClientAsync("duchashi");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Name", unit.GetProperty("name").GetString()!),
            new("Input.Kind", "TaskForce"),
            new("Input.ParentId", D.RootUnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.IsActive", "false"), // an unchecked box sends only its hidden "false"
        };
        var response = await TestData.PostFormAsync(browser, $"/Units/Edit/{id}", $"/Units/Edit/{id}", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Units.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync()));
    }
}

[Collection(OnSqlite.Name)]
public sealed class UnitsTestsOnSqlite(SqliteFactory app) : UnitsTests(app);

[Collection(OnPostgres.Name)]
public sealed class UnitsTestsOnPostgres(PostgresFactory app) : UnitsTests(app);
