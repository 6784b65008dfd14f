using System.Net;
using System.Security.Claims;
using Duban.Data;
using Duban.IntegrationTests.Infrastructure;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
        await app.Data.NewAccountAsync(user, "Liaison", app.Data.UnitA, "Right2026x");

        for (var i = 0; i < 5; i++)
        {
            var wrong = await TestData.PostFormAsync(client, "/Account/Login", "/Account/Login", new() { ["UserName"] = user, ["Password"] = "wrong-" + i });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Equal(Refusal, RefusalOf(await wrong.Content.ReadAsStringAsync()));
        }

        // Locked means locked: the right password does not get in either.
        var right = await TestData.PostFormAsync(client, "/Account/Login", "/Account/Login", new() { ["UserName"] = user, ["Password"] = "Right2026x" });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(Refusal, RefusalOf(await right.Content.ReadAsStringAsync()));
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(a => a.UserName == user && a.LockoutEnd != null)));
    }

    [Fact]
    public async Task Every_refused_sign_in_says_the_same_thing()
    {
        var client = app.Data.AnonymousClient();
        var locked = "shut-" + Guid.NewGuid().ToString("N")[..6];
        var id = await app.Data.NewAccountAsync(locked, "Viewer", app.Data.UnitA, "Right2026x");
        var admin = await app.Data.ApiClientAsync("admin");
        await admin.PutAsJsonAsync($"/api/v1/accounts/{id}", new { userName = locked, displayName = locked, unitId = app.Data.UnitA, roles = new[] { "Viewer" }, isLocked = true });

        var answers = new Dictionary<string, string>();
        foreach (var (what, name, password) in new[] { ("unknown name", "nobody-" + Guid.NewGuid().ToString("N")[..6], "Right2026x"), ("wrong password", "viewer", "Wrong-2026x"), ("locked by the administrator", locked, "Right2026x") })
        {
            var response = await TestData.PostFormAsync(client, "/Account/Login", "/Account/Login", new() { ["UserName"] = name, ["Password"] = password });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers[what] = RefusalOf(await response.Content.ReadAsStringAsync());
        }

        Assert.All(answers, a => Assert.Equal(Refusal, a.Value));
    }

    [Fact]
    public async Task A_signed_in_principal_without_a_region_sees_nothing_while_the_sign_in_form_still_finds_accounts()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<DubanDb>>();
        DubanDb As(ClaimsPrincipal user) => new(options, new HttpActorAccessor(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = user } }));
        Claim[] signedIn = [new(ClaimTypes.NameIdentifier, "1"), new(ClaimTypes.Name, "x")];

        await using (var regionless = As(new ClaimsPrincipal(new ClaimsIdentity(signedIn, "test"))))
        {
            Assert.Equal(0, await regionless.Regions.CountAsync());
            Assert.Equal(0, await regionless.Units.CountAsync());
            Assert.Equal(0, await regionless.People.CountAsync());
            Assert.Equal(0, await regionless.Users.CountAsync());
            Assert.Equal(0, await regionless.WorkItems.CountAsync());
            Assert.Equal(0, await regionless.Ledgers.CountAsync());
        }

        await using (var county = As(new ClaimsPrincipal(new ClaimsIdentity([.. signedIn, new Claim(DubanClaims.Region, app.Data.RegionId.ToString(System.Globalization.CultureInfo.InvariantCulture))], "test"))))
        {
            Assert.True(await county.Units.CountAsync() > 20);
            Assert.False(await county.Units.AnyAsync(u => u.RegionId != app.Data.RegionId));
        }

        // Nobody has signed in yet: the form looks the account up by name, in whichever region it is.
        await using var anonymous = As(new ClaimsPrincipal(new ClaimsIdentity()));
        Assert.True(await anonymous.Users.AnyAsync(a => a.NormalizedUserName == "ADMIN"));
        var other = TestData.OtherLiaison.ToUpperInvariant();
        Assert.True(await anonymous.Users.AnyAsync(a => a.NormalizedUserName == other));
    }

    private const string Refusal = "登录名或密码错误，或账号已被锁定。";

    private static string RefusalOf(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "validation-summary-errors[^>]*><ul><li>([^<]*)</li>").Groups[1].Value;

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

        var id = await app.WithDbAsync(db => db.ApiTokens.SingleAsync(t => t.Hash == ApiTokenAuthentication.HashOf(token)));
        await TestData.PostFormAsync(browser, "/Account/Tokens", $"/Account/Tokens?handler=Revoke&id={id.Id}", []);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }
}

[Collection(OnSqlite.Name)]
public sealed class SignInTestsOnSqlite(SqliteFactory app) : SignInTests(app);

[Collection(OnPostgres.Name)]
public sealed class SignInTestsOnPostgres(PostgresFactory app) : SignInTests(app);
