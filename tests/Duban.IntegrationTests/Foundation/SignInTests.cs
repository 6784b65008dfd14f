using System.Net;
using Duban.IntegrationTests.Infrastructure;

namespace Duban.IntegrationTests.Foundation;

public abstract class SignInTests(DubanFactory app)
{
    [Fact]
    public async Task Health_reports_that_the_database_answers()
    {
        var response = await app.Data.AnonymousClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"database\":\"ok\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_sign_in_page_in_Chinese()
    {
        var client = app.Data.AnonymousClient();
        var response = await client.GetAsync("/Units");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var page = await client.GetStringAsync("/Account/Login");
        Assert.Contains("请使用您的账号登录督办系统", page, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_demo_account_signs_in_sees_its_region_and_signs_out()
    {
        var client = await app.Data.SignedInClientAsync("duchashi");
        var home = await client.GetStringAsync("/");
        Assert.Contains("青山县", home, StringComparison.Ordinal);
        Assert.Contains("青山县全域", home, StringComparison.Ordinal);

        var signOut = await TestData.PostFormAsync(client, "/", "/Account/Logout", []);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_repeated_failures_lock_the_account()
    {
        var client = app.Data.AnonymousClient();
        var user = "lockout-" + Guid.NewGuid().ToString("N")[..6];
        var admin = await app.Data.ApiClientAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = user, displayName = "锁定测试", unitId = app.Data.UnitA, roles = new[] { "Liaison" }, password = "Right2026x" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        for (var i = 0; i < 4; i++)
        {
            var wrong = await TestData.PostFormAsync(client, "/Account/Login", "/Account/Login", new() { ["UserName"] = user, ["Password"] = "wrong-" + i });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("登录名或密码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var fifth = await TestData.PostFormAsync(client, "/Account/Login", "/Account/Login", new() { ["UserName"] = user, ["Password"] = "wrong-5" });
        Assert.Contains("账号已临时锁定", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Locked means locked: the right password does not get in either.
        var right = await TestData.PostFormAsync(client, "/Account/Login", "/Account/Login", new() { ["UserName"] = user, ["Password"] = "Right2026x" });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("账号已临时锁定", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_rejected()
    {
        var client = app.Data.AnonymousClient();
        using var form = new FormUrlEncodedContent([new("UserName", "admin"), new("Password", TestData.Password)]);
        var response = await client.PostAsync("/Account/Login", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Switching_to_English_and_back_changes_the_screens()
    {
        var client = await app.Data.SignedInClientAsync("admin");
        var toEnglish = await TestData.PostFormAsync(client, "/Units", "/culture", new() { ["culture"] = "en", ["returnUrl"] = "/Units" });
        Assert.Equal(HttpStatusCode.Redirect, toEnglish.StatusCode);
        Assert.Equal("/Units", toEnglish.Headers.Location!.OriginalString);
        var english = await client.GetStringAsync("/Units");
        Assert.Contains("Unit tree", english, StringComparison.Ordinal);
        Assert.Contains("Town or street", english, StringComparison.Ordinal);

        await TestData.PostFormAsync(client, "/Units", "/culture", new() { ["culture"] = "zh-CN", ["returnUrl"] = "/Units" });
        var chinese = await client.GetStringAsync("/Units");
        Assert.Contains("单位树", chinese, StringComparison.Ordinal);
        Assert.Contains("乡镇（街道）", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_culture_switch_never_redirects_off_site()
    {
        var client = app.Data.AnonymousClient();
        var response = await TestData.PostFormAsync(client, "/Account/Login", "/culture", new() { ["culture"] = "en", ["returnUrl"] = "//evil.example/" });
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Api_errors_speak_the_language_the_client_asks_for()
    {
        var anonymous = app.Data.AnonymousClient();
        var zh = await anonymous.GetAsync("/api/v1/units");
        Assert.Equal(HttpStatusCode.Unauthorized, zh.StatusCode);
        Assert.Contains("请先登录", await zh.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/units");
        request.Headers.AcceptLanguage.ParseAdd("en-US");
        var en = await anonymous.SendAsync(request);
        Assert.Equal("application/problem+json", en.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Sign in or send a valid API token", await en.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_or_unknown_token_is_refused()
    {
        var client = app.Data.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "dbn_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);

        var browser = await app.Data.SignedInClientAsync("fgj");
        var made = await TestData.PostFormAsync(browser, "/Account/Tokens", "/Account/Tokens?handler=Create", new() { ["Name"] = "报表脚本" });
        var page = await made.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(page, "dbn_[A-Za-z0-9_-]+").Value;
        Assert.NotEmpty(token);

        var api = app.Data.AnonymousClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var me = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/me");
        Assert.Equal("fgj", me.GetProperty("userName").GetString());

        var id = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.ApiTokens, t => t.Hash == Duban.Web.Infrastructure.ApiTokenAuthentication.HashOf(token)));
        await TestData.PostFormAsync(browser, "/Account/Tokens", $"/Account/Tokens?handler=Revoke&id={id.Id}", []);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }
}

[Collection(OnSqlite.Name)]
public sealed class SignInTestsOnSqlite(SqliteFactory app) : SignInTests(app);

[Collection(OnPostgres.Name)]
public sealed class SignInTestsOnPostgres(PostgresFactory app) : SignInTests(app);
