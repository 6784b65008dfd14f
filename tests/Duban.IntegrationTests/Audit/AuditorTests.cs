using System.Net;
using System.Text.Json;
using Duban.IntegrationTests.Infrastructure;

namespace Duban.IntegrationTests.Audit;

/// <summary>The auditor (等保's 审计员) reads the region's whole audit trail and changes nothing; nobody else reads it so.</summary>
public abstract class AuditorTests(DubanFactory app)
{
    private TestData D => app.Data;

    [Fact]
    public async Task The_auditor_reads_the_regions_trail_newest_first_with_before_and_after()
    {
        var office = await D.ApiClientAsync("duchashi");
        var name = "县审计员测试局" + Guid.NewGuid().ToString("N")[..4];
        var created = await office.PostAsJsonAsync("/api/v1/units", new { name, kind = "Department", parentId = D.RootUnitId, sortOrder = 91 });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var renamed = await office.PutAsJsonAsync($"/api/v1/units/{id}", new { name = name + "（改）", kind = "Department", parentId = D.RootUnitId, sortOrder = 91, isActive = true });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        var auditor = await D.SignedInClientAsync("auditor");
        var page = await auditor.GetStringAsync("/Audit?kind=Unit");
        Assert.Contains("审计日志", page, StringComparison.Ordinal);
        Assert.Contains($"<del>{name}</del>", page, StringComparison.Ordinal);
        Assert.Contains($"<ins>{name}（改）</ins>", page, StringComparison.Ordinal);
        Assert.Contains("hx-get=\"/Audit?handler=Chain\"", page, StringComparison.Ordinal);
        Assert.Contains("链条完整", await auditor.GetStringAsync("/Audit?handler=Chain"), StringComparison.Ordinal);
        Assert.Contains("href=\"/Audit\"", await auditor.GetStringAsync("/"), StringComparison.Ordinal);

        var api = await D.ApiClientAsync("auditor");
        var units = await api.GetFromJsonAsync<JsonElement>("/api/v1/audit?kind=Unit&pageSize=200");
        var items = units.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, i => Assert.Equal("Unit", i.GetProperty("kind").GetString()));
        Assert.Equal("Updated", items.First(i => i.GetProperty("entityId").GetInt32() == id).GetProperty("action").GetString());
        Assert.DoesNotContain(items, i => i.GetProperty("entityId").GetInt32() == D.OtherRegionUnit);
        var instants = items.Select(i => i.GetProperty("at").GetDateTime()).ToList();
        Assert.Equal(instants.OrderByDescending(x => x), instants);
    }

    [Fact]
    public async Task The_trail_filters_by_kind_actor_and_day_and_pages_within_bounds()
    {
        var api = await D.ApiClientAsync("auditor");
        var byActor = await api.GetFromJsonAsync<JsonElement>("/api/v1/audit?actor=" + Uri.EscapeDataString("系统"));
        Assert.All(byActor.GetProperty("items").EnumerateArray(), i => Assert.Contains("系统", i.GetProperty("actor").GetString(), StringComparison.Ordinal));

        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var future = await api.GetFromJsonAsync<JsonElement>($"/api/v1/audit?from={tomorrow}");
        Assert.Empty(future.GetProperty("items").EnumerateArray());
        var past = await api.GetFromJsonAsync<JsonElement>($"/api/v1/audit?to={tomorrow}&pageSize=5");
        Assert.Equal(5, past.GetProperty("items").GetArrayLength());
        Assert.True(past.GetProperty("hasMore").GetBoolean());

        // Beyond the bounds the contract declares is refused with the field named, not clamped (docs/decisions/0019).
        var huge = await api.GetAsync("/api/v1/audit?pageSize=100000");
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.True((await huge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("PageSize", out _));
        var largest = await api.GetFromJsonAsync<JsonElement>("/api/v1/audit?pageSize=200");
        Assert.Equal(200, largest.GetProperty("pageSize").GetInt32());
        Assert.InRange(largest.GetProperty("items").GetArrayLength(), 1, 200);

        var first = await api.GetFromJsonAsync<JsonElement>("/api/v1/audit?pageSize=3&page=1");
        var second = await api.GetFromJsonAsync<JsonElement>("/api/v1/audit?pageSize=3&page=2");
        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(6, ids.Distinct().Count());
    }

    [Fact]
    public async Task The_auditor_changes_nothing_and_sees_no_administration()
    {
        var api = await D.ApiClientAsync("auditor");
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/units", new { name = "审计员建的单位", kind = "Department", parentId = D.RootUnitId })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/accounts", new { userName = "x", displayName = "x", roles = new[] { "Auditor" }, password = "abcdefg1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsJsonAsync("/api/v1/settings/rules", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/tasks", new { ledgerId = D.LedgerId, name = "审计员的任务", leadUnitId = D.UnitB })).StatusCode);

        var browser = await D.SignedInClientAsync("auditor");
        foreach (var page in new[] { "/Settings", "/Accounts", "/Reviews", "/Deliveries", "/LedgerFiles" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(page)).StatusCode);
        }

        // The auditor may open what an entry is about (the permission table gives it the region to read), and act on none of it.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/tasks/{D.TaskB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"/api/v1/tasks/{D.TaskB}/reports", new { done = "审计员填报" })).StatusCode);
    }

    [Theory]
    [InlineData("fgj")]
    [InlineData("viewer")]
    [InlineData("duchashi")]
    [InlineData("admin")]
    public async Task Nobody_but_the_auditor_reads_the_whole_trail(string user)
    {
        // The administrator manages accounts; reading the trail of what administrators did is the auditor's (等保 三员分立).
        var browser = await D.SignedInClientAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/Audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/Audit?handler=Chain")).StatusCode);
        Assert.DoesNotContain("href=\"/Audit\"", await browser.GetStringAsync("/"), StringComparison.Ordinal);
        var api = await D.ApiClientAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/audit/verify")).StatusCode);
    }

    [Fact]
    public async Task The_administrator_can_make_an_auditor_without_a_unit()
    {
        var admin = await D.ApiClientAsync("admin");
        var userName = "shenji" + Guid.NewGuid().ToString("N")[..4];
        var made = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName, displayName = "审计员二", roles = new[] { "Auditor" }, password = "Shenji2026" });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var noUnit = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = userName + "x", displayName = "联络员", roles = new[] { "Liaison" }, password = "Shenji2026" });
        Assert.Equal(HttpStatusCode.BadRequest, noUnit.StatusCode);

        var edit = await (await D.SignedInClientAsync("admin")).GetStringAsync("/Accounts/Edit");
        Assert.Contains("value=\"Auditor\"", edit, StringComparison.Ordinal);
        Assert.Contains("审计员", edit, StringComparison.Ordinal);
        var auditor = await D.SignedInClientAsync(userName, "Shenji2026");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/Audit")).StatusCode);
    }
}

[Collection(OnSqlite.Name)]
public sealed class AuditorTestsOnSqlite(SqliteFactory app) : AuditorTests(app);

[Collection(OnPostgres.Name)]
public sealed class AuditorTestsOnPostgres(PostgresFactory app) : AuditorTests(app);
