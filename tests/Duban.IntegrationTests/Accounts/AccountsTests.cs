using System.Net;
using System.Text.Json;
using Duban.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.IntegrationTests.Accounts;

public abstract class AccountsTests(DubanFactory app)
{
    private TestData D => app.Data;

    [Fact]
    public async Task The_administrator_creates_a_liaison_who_can_then_sign_in_and_see_their_unit()
    {
        var admin = await D.ApiClientAsync("admin");
        var user = "liaison-" + Guid.NewGuid().ToString("N")[..6];
        var response = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = user, displayName = "新联络员", unitId = D.UnitB, roles = new[] { "Liaison" }, password = "Chengguan2026" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var browser = await D.SignedInClientAsync(user, "Chengguan2026");
        var home = await browser.GetStringAsync("/");
        Assert.Contains("城关镇及其下属单位", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weak_password_or_unknown_role_is_refused_and_no_account_is_made()
    {
        var admin = await D.ApiClientAsync("admin");
        var before = await app.WithDbAsync(db => db.Users.IgnoreQueryFilters().CountAsync());
        var weak = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = "weak-" + Guid.NewGuid().ToString("N")[..6], displayName = "弱密码", unitId = D.UnitA, roles = new[] { "Liaison" }, password = "abc" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var body = await weak.Content.ReadAsStringAsync();
        Assert.Contains("密码至少 10 位", body, StringComparison.Ordinal);
        Assert.Contains("密码至少包含一个数字", body, StringComparison.Ordinal);

        var role = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = "role-" + Guid.NewGuid().ToString("N")[..6], displayName = "怪角色", unitId = D.UnitA, roles = new[] { "Emperor" }, password = "Valid2026x" });
        Assert.Equal(HttpStatusCode.BadRequest, role.StatusCode);

        var taken = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = "fgj", displayName = "重名", unitId = D.UnitA, roles = new[] { "Liaison" }, password = "Valid2026x" });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("登录名“fgj”已被使用", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(before, await app.WithDbAsync(db => db.Users.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Only_system_administrators_manage_accounts()
    {
        foreach (var user in new[] { "duchashi", "leader", "fgj", "viewer" })
        {
            var api = await D.ApiClientAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/accounts")).StatusCode);
            var browser = await D.SignedInClientAsync(user);
            var page = await browser.GetAsync("/Accounts");
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            Assert.Contains("无权访问", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_password_reset_and_a_role_change_are_in_the_history_without_the_hash()
    {
        var admin = await D.ApiClientAsync("admin");
        var user = "reset-" + Guid.NewGuid().ToString("N")[..6];
        var created = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = user, displayName = "重置", unitId = D.UnitA, roles = new[] { "Viewer" }, password = "First2026x" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var changed = await admin.PutAsJsonAsync($"/api/v1/accounts/{id}", new { userName = user, displayName = "重置", unitId = D.UnitA, roles = new[] { "Liaison" }, password = "Second2026x" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var dto = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Liaison", Assert.Single(dto.GetProperty("roles").EnumerateArray()).GetString());

        await D.SignedInClientAsync(user, "Second2026x");
        var history = await admin.GetStringAsync($"/api/v1/history/Account/{id}");
        Assert.Contains("PasswordHash", history, StringComparison.Ordinal);
        Assert.Contains("******", history, StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", history, StringComparison.Ordinal); // Identity's hash prefix

        // The role taken away and the role granted are both on the account's record.
        var entries = System.Text.Json.JsonDocument.Parse(history).RootElement.EnumerateArray()
            .SelectMany(e => e.GetProperty("changes").EnumerateArray())
            .Where(c => c.GetProperty("field").GetString() == "Role")
            .Select(c => (Before: c.GetProperty("before").GetString(), After: c.GetProperty("after").GetString()))
            .ToList();
        Assert.Contains(entries, c => c.Before == "Viewer" && c.After is null);
        Assert.Contains(entries, c => c.Before is null && c.After == "Liaison");
    }

    [Fact]
    public async Task A_locked_account_cannot_use_its_token()
    {
        var admin = await D.ApiClientAsync("admin");
        var user = "locked-" + Guid.NewGuid().ToString("N")[..6];
        var created = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = user, displayName = "锁定", unitId = D.UnitA, roles = new[] { "Viewer" }, password = "Locked#2026x" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var api = await D.ApiClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        await admin.PutAsJsonAsync($"/api/v1/accounts/{id}", new { userName = user, displayName = "锁定", unitId = D.UnitA, roles = new[] { "Viewer" }, isLocked = true });
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_role_change_revokes_the_token_and_a_new_token_acts_with_the_new_roles_and_unit()
    {
        var admin = await D.ApiClientAsync("admin");
        var user = "roles-" + Guid.NewGuid().ToString("N")[..6];
        var created = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = user, displayName = "换岗", unitId = D.UnitA, roles = new[] { "SupervisionOffice" }, password = "Roles#2026x" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var api = await D.ApiClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/settings/rules")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/tasks/{D.TaskB}")).StatusCode);

        // Demoted to a liaison of unit A: the old token is gone, and a new one is refused office endpoints and unit B's task.
        var demoted = await admin.PutAsJsonAsync($"/api/v1/accounts/{id}", new { userName = user, displayName = "换岗", unitId = D.UnitA, roles = new[] { "Liaison" } });
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
        api = await D.ApiClientAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsJsonAsync("/api/v1/settings/rules", new { dueSoonDays = 7 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/tasks/{D.TaskB}")).StatusCode);

        // Moved to unit B: its task is visible to the next token.
        await admin.PutAsJsonAsync($"/api/v1/accounts/{id}", new { userName = user, displayName = "换岗", unitId = D.UnitB, roles = new[] { "Liaison" } });
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync($"/api/v1/tasks/{D.TaskB}")).StatusCode);
        api = await D.ApiClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/tasks/{D.TaskB}")).StatusCode);
    }

    [Theory]
    [InlineData("Short2026", "密码至少 10 位")]
    [InlineData("Password2026!", "这个密码太常见，很容易被猜中")]
    [InlineData("P@ssw0rd2026", "这个密码太常见，很容易被猜中")]
    [InlineData("Admin@20262026", "这个密码太常见，很容易被猜中")]
    [InlineData("qwerty2026ab", "这个密码太常见，很容易被猜中")]
    [InlineData("woaini1314", "这个密码太常见，很容易被猜中")]
    [InlineData("aaaa2026bcx", "密码不能有 4 个相同或 5 个连续的字符")]
    [InlineData("Ok56789abcx", "密码不能有 4 个相同或 5 个连续的字符")]
    [InlineData("ab12ab12ab12", "至少含 5 种不同的字符")]
    public async Task A_short_common_or_patterned_password_is_refused_in_Chinese(string password, string message)
    {
        var admin = await D.ApiClientAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = "pw-" + Guid.NewGuid().ToString("N")[..6], displayName = "密码", unitId = D.UnitA, roles = new[] { "Viewer" }, password });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_containing_the_login_name_is_refused_and_the_change_password_page_says_why()
    {
        var admin = await D.ApiClientAsync("admin");
        var user = "zhangwei" + Guid.NewGuid().ToString("N")[..4];
        var refused = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = user, displayName = "张伟", unitId = D.UnitA, roles = new[] { "Viewer" }, password = "X" + user.ToUpperInvariant() + "#26" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("密码不能包含登录名", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The demo's password is long and plain enough to pass.
        await D.NewAccountAsync(user, "Viewer", D.UnitA, "Duban@2026");
        var browser = await D.SignedInClientAsync(user, "Duban@2026");
        var page = await TestData.PostFormAsync(browser, "/Account/Password", "/Account/Password", new() { ["Current"] = "Duban@2026", ["New"] = "Welcome@2026" });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("这个密码太常见，很容易被猜中，请换一个。", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

[Collection(OnSqlite.Name)]
public sealed class AccountsTestsOnSqlite(SqliteFactory app) : AccountsTests(app);

[Collection(OnPostgres.Name)]
public sealed class AccountsTestsOnPostgres(PostgresFactory app) : AccountsTests(app);
