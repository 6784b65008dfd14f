using System.Net;
using System.Text.RegularExpressions;
using Duban.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.IntegrationTests.Foundation;

/// <summary>Two-factor sign-in with an authenticator app, driven with codes computed here as the app would.</summary>
public abstract partial class TwoFactorTests(DubanFactory app)
{
    private TestData D => app.Data;

    private const string Password = "TwoFactor#2026x";

    [Fact]
    public void The_tests_authenticator_computes_the_codes_of_RFC_6238()
    {
        // RFC 6238 appendix B, SHA-1 key "12345678901234567890": 94287082 at T=59, 07081804 at T=1111111109 (last six digits).
        const string key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        Assert.Equal("287082", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal("081804", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(1111111109)));
    }

    [Fact]
    public async Task A_person_sets_up_two_factors_then_signs_in_with_a_code_and_once_with_each_recovery_code()
    {
        var user = "mfa-" + Guid.NewGuid().ToString("N")[..6];
        await D.NewAccountAsync(user, "Liaison", D.UnitA, Password);
        var browser = await D.SignedInClientAsync(user, Password);

        var setup = await browser.GetStringAsync("/Account/TwoFactor");
        var shown = SharedKey().Match(setup).Groups[1].Value;
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", shown);
        var key = shown.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        Assert.Contains($"otpauth://totp/%E7%9D%A3%E5%8A%9E:{user}?secret={key}&amp;issuer=%E7%9D%A3%E5%8A%9E&amp;digits=6", setup, StringComparison.Ordinal);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", setup, StringComparison.Ordinal);

        // The same key on the next visit: it is made once, not on every view.
        Assert.Contains(shown, await browser.GetStringAsync("/Account/TwoFactor"), StringComparison.Ordinal);

        var wrong = await TestData.PostFormAsync(browser, "/Account/TwoFactor", "/Account/TwoFactor?handler=Enable", new() { ["Code"] = WrongCode(key) });
        Assert.Contains("验证码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(a => a.UserName == user).Select(a => a.TwoFactorEnabled).SingleAsync()));

        var enabled = await TestData.PostFormAsync(browser, "/Account/TwoFactor", "/Account/TwoFactor?handler=Enable", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = RecoveryCode().Matches(await enabled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(a => a.UserName == user).Select(a => a.TwoFactorEnabled).SingleAsync()));

        // This session goes on; the codes are not shown again.
        var after = await browser.GetStringAsync("/Account/TwoFactor");
        Assert.Contains("剩余恢复码 10 个", after, StringComparison.Ordinal);
        Assert.DoesNotContain(codes[0], after, StringComparison.Ordinal);

        // A password alone no longer signs in: it leads to the code.
        var next = D.AnonymousClient();
        var password = await TestData.PostFormAsync(next, "/Account/Login", "/Account/Login", new() { ["UserName"] = user, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/Account/LoginWith2fa", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync("/Todo")).StatusCode);

        var badCode = await TestData.PostFormAsync(next, "/Account/LoginWith2fa", "/Account/LoginWith2fa", new() { ["Code"] = WrongCode(key) });
        Assert.Contains("验证码不正确，或账号已被锁定", await badCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var code = await TestData.PostFormAsync(next, "/Account/LoginWith2fa", "/Account/LoginWith2fa", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/", code.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/Todo")).StatusCode);

        // Without the phone: a recovery code, good once.
        Assert.True(await RecoverAsync(user, codes[3]));
        Assert.False(await RecoverAsync(user, codes[3]));
        Assert.Equal(9, await app.WithDbAsync(async db =>
        {
            var id = await db.Users.Where(a => a.UserName == user).Select(a => a.Id).SingleAsync();
            var stored = await db.UserTokens.Where(t => t.UserId == id && t.Name == "RecoveryCodes").Select(t => t.Value).SingleAsync();
            return stored!.Split(';').Length;
        }));

        // Turned off, the password is enough again.
        var off = await TestData.PostFormAsync(browser, "/Account/TwoFactor", "/Account/TwoFactor?handler=Disable", []);
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Todo")).StatusCode);
        var plain = D.AnonymousClient();
        var signIn = await TestData.PostFormAsync(plain, "/Account/Login", "/Account/Login", new() { ["UserName"] = user, ["Password"] = Password });
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_role_that_requires_two_factors_is_sent_to_set_them_up_and_opens_nothing_else_until_done()
    {
        await using var strict = app.WithSettings(("Duban:Security:RequireTwoFactorFor", "SystemAdmin,SupervisionOffice"));
        var office = "office-" + Guid.NewGuid().ToString("N")[..6];
        var liaison = "plain-" + Guid.NewGuid().ToString("N")[..6];
        await D.NewAccountAsync(office, "SupervisionOffice", D.RootUnitId, Password);
        await D.NewAccountAsync(liaison, "Liaison", D.UnitA, Password);

        // A liaison's role does not require it.
        var plain = await D.SignedInClientAsync(liaison, Password, strict);
        Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync("/Todo")).StatusCode);

        var browser = await D.SignedInClientAsync(office, Password, strict);
        foreach (var page in new[] { "/", "/Todo", "/Ledgers", "/Account/Tokens" })
        {
            var response = await browser.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Account/TwoFactor", response.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/v1/me")).StatusCode);
        var token = await D.ApiClientAsync(office, host: strict);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/me")).StatusCode);

        var setup = await browser.GetStringAsync("/Account/TwoFactor");
        Assert.Contains("您的角色要求登录时使用两步验证", setup, StringComparison.Ordinal);
        var key = SharedKey().Match(setup).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var enabled = await TestData.PostFormAsync(browser, "/Account/TwoFactor", "/Account/TwoFactor?handler=Enable", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Todo")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/me")).StatusCode);

        // The next sign-in asks for the code, and with it everything opens.
        var next = D.AnonymousClient(strict);
        var password = await TestData.PostFormAsync(next, "/Account/Login", "/Account/Login", new() { ["UserName"] = office, ["Password"] = Password });
        Assert.StartsWith("/Account/LoginWith2fa", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await TestData.PostFormAsync(next, "/Account/LoginWith2fa", "/Account/LoginWith2fa", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/Ledgers")).StatusCode);
    }

    /// <summary>A fresh sign-in that offers a recovery code (typed in lower case); true when it reaches the to-do list.</summary>
    private async Task<bool> RecoverAsync(string user, string recoveryCode)
    {
        var client = D.AnonymousClient();
        await TestData.PostFormAsync(client, "/Account/Login", "/Account/Login", new() { ["UserName"] = user, ["Password"] = Password });
        var used = await TestData.PostFormAsync(client, "/Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode", new() { ["Code"] = recoveryCode.ToLowerInvariant() });
        if (used.StatusCode != HttpStatusCode.Redirect)
        {
            Assert.Contains("验证码不正确，或账号已被锁定", await used.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            return false;
        }

        return (await client.GetAsync("/Todo")).StatusCode == HttpStatusCode.OK;
    }

    /// <summary>A code the app would not show within Identity's window of two steps either side.</summary>
    private static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = Enumerable.Range(-3, 7).Select(i => Totp.Code(key, now.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    [GeneratedRegex("data-testid=\"shared-key\">([^<]+)<")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<li class=\"col-6\">([A-Z0-9]{5}-[A-Z0-9]{5})</li>")]
    private static partial Regex RecoveryCode();
}

[Collection(OnSqlite.Name)]
public sealed class TwoFactorTestsOnSqlite(SqliteFactory app) : TwoFactorTests(app);

[Collection(OnPostgres.Name)]
public sealed class TwoFactorTestsOnPostgres(PostgresFactory app) : TwoFactorTests(app);
