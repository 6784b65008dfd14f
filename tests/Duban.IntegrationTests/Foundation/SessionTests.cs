using System.Net;
using Duban.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.IntegrationTests.Foundation;

/// <summary>Locking, resetting, promoting or moving an account ends its sessions and tokens at their next request.</summary>
public abstract class SessionTests(DubanFactory app)
{
    private TestData D => app.Data;

    private const string Password = "Sessions#2026x";

    private static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    [Theory]
    [InlineData("lock")]
    [InlineData("password")]
    [InlineData("roles")]
    [InlineData("unit")]
    public async Task A_change_that_matters_ends_the_cookie_session_and_the_token_at_their_next_request(string change)
    {
        var user = NewName(change);
        var id = await D.NewAccountAsync(user, "Liaison", D.UnitA, Password);
        var browser = await D.SignedInClientAsync(user, Password);
        var api = await D.ApiClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Todo")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        var admin = await D.ApiClientAsync("admin");
        var changed = await admin.PutAsJsonAsync($"/api/v1/accounts/{id}", new
        {
            userName = user,
            displayName = user,
            unitId = change == "unit" ? D.UnitB : D.UnitA,
            roles = new[] { change == "roles" ? "Viewer" : "Liaison" },
            password = change == "password" ? "Renewed#2026x" : null,
            isLocked = change == "lock",
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var todo = await browser.GetAsync("/Todo");
        Assert.Equal(HttpStatusCode.Redirect, todo.StatusCode);
        Assert.StartsWith("/Account/Login", todo.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);

        // Revoked, not merely refused while locked: the token stays dead whatever happens next.
        Assert.Equal(0, await app.WithDbAsync(db => db.ApiTokens.CountAsync(t => t.AccountId == id && t.RevokedAt == null)));
        if (change != "lock")
        {
            var again = await D.SignedInClientAsync(user, change == "password" ? "Renewed#2026x" : Password);
            Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/Todo")).StatusCode);
        }
    }

    [Fact]
    public async Task A_change_that_does_not_matter_keeps_the_session_and_a_valid_cookie_is_not_reissued()
    {
        var user = NewName("rename");
        var id = await D.NewAccountAsync(user, "Liaison", D.UnitA, Password);
        var browser = await D.SignedInClientAsync(user, Password);
        var api = await D.ApiClientAsync(user);

        var admin = await D.ApiClientAsync("admin");
        var renamed = await admin.PutAsJsonAsync($"/api/v1/accounts/{id}", new { userName = user, displayName = "新名字", unitId = D.UnitA, roles = new[] { "Liaison" } });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        var todo = await browser.GetAsync("/Todo");
        Assert.Equal(HttpStatusCode.OK, todo.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        // The check reads the account; it does not rebuild the principal and send a new cookie each time.
        Assert.DoesNotContain(todo.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("duban.auth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_person_who_changes_their_password_keeps_this_session_and_ends_the_others()
    {
        var user = NewName("own");
        await D.NewAccountAsync(user, "Liaison", D.UnitA, Password);
        var here = await D.SignedInClientAsync(user, Password);
        var elsewhere = await D.SignedInClientAsync(user, Password);

        var changed = await TestData.PostFormAsync(here, "/Account/Password", "/Account/Password", new() { ["Current"] = Password, ["New"] = "Changed#2026x" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/Todo")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/Todo")).StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_refused_and_one_made_before_expiry_existed_lives_a_year()
    {
        var expired = await D.TokenAsync("fgj", DateTime.UtcNow.AddMinutes(-1));
        var live = await D.TokenAsync("fgj", DateTime.UtcNow.AddMinutes(5));
        var client = D.AnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Me(client, expired)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Me(client, live)).StatusCode);

        // A token without an expiry: good while younger than 365 days.
        var old = await D.TokenAsync("fgj");
        await app.WithDbAsync(db => db.ApiTokens.Where(t => t.Hash == Web.Infrastructure.ApiTokenAuthentication.HashOf(old))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, (DateTime?)null).SetProperty(t => t.CreatedAt, DateTime.UtcNow.AddDays(-364))));
        Assert.Equal(HttpStatusCode.OK, (await Me(client, old)).StatusCode);
        await app.WithDbAsync(db => db.ApiTokens.Where(t => t.Hash == Web.Infrastructure.ApiTokenAuthentication.HashOf(old))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.CreatedAt, DateTime.UtcNow.AddDays(-366))));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Me(client, old)).StatusCode);
    }

    [Fact]
    public async Task A_token_made_on_the_page_expires_after_the_days_chosen_and_the_page_shows_when()
    {
        var browser = await D.SignedInClientAsync("fgj");
        var page = await browser.GetStringAsync("/Account/Tokens");
        Assert.Contains("<option value=\"90\" selected=\"selected\">有效 90 天</option>", page, StringComparison.Ordinal);

        var tooLong = await TestData.PostFormAsync(browser, "/Account/Tokens", "/Account/Tokens?handler=Create", new() { ["Name"] = "太久", ["Days"] = "400" });
        Assert.Contains("有效期为 1 至 365 天", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.ApiTokens.AnyAsync(t => t.Name == "太久")));

        var made = await TestData.PostFormAsync(browser, "/Account/Tokens", "/Account/Tokens?handler=Create", new() { ["Name"] = "月度脚本", ["Days"] = "30" });
        var body = await made.Content.ReadAsStringAsync();
        var token = await app.WithDbAsync(db => db.ApiTokens.OrderBy(t => t.Id).LastAsync(t => t.Name == "月度脚本"));
        Assert.Equal(TimeSpan.FromDays(30), token.ExpiresAt - token.CreatedAt);
        var shown = TimeZoneInfo.ConvertTimeFromUtc(token.ExpiresAt!.Value, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.Contains("到期时间", body, StringComparison.Ordinal);
        Assert.Contains(shown.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), body, StringComparison.Ordinal);

        // Without a choice, 90 days.
        await TestData.PostFormAsync(browser, "/Account/Tokens", "/Account/Tokens?handler=Create", new() { ["Name"] = "默认期限" });
        var standard = await app.WithDbAsync(db => db.ApiTokens.OrderBy(t => t.Id).LastAsync(t => t.Name == "默认期限"));
        Assert.Equal(TimeSpan.FromDays(90), standard.ExpiresAt - standard.CreatedAt);
    }

    [Fact]
    public async Task A_bearer_token_opens_no_page_and_cannot_make_tokens()
    {
        var api = await D.ApiClientAsync("fgj");
        var accountId = await app.WithDbAsync(db => db.Users.Where(a => a.UserName == "fgj").Select(a => a.Id).SingleAsync());
        var before = await app.WithDbAsync(db => db.ApiTokens.CountAsync(t => t.AccountId == accountId));

        foreach (var page in new[] { "/Account/Tokens", "/Account/Password", "/Account/TwoFactor", "/Todo" })
        {
            var response = await api.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        using var form = new FormUrlEncodedContent([new("Name", "令牌造令牌")]);
        var mint = await api.PostAsync("/Account/Tokens?handler=Create", form);
        Assert.NotEqual(HttpStatusCode.OK, mint.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.ApiTokens.CountAsync(t => t.AccountId == accountId)));

        // The same token still works where tokens belong.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    private static async Task<HttpResponseMessage> Me(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}

[Collection(OnSqlite.Name)]
public sealed class SessionTestsOnSqlite(SqliteFactory app) : SessionTests(app);

[Collection(OnPostgres.Name)]
public sealed class SessionTestsOnPostgres(PostgresFactory app) : SessionTests(app);
