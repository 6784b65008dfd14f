using System.Net;
using Duban.IntegrationTests.Infrastructure;
using Duban.Web.Setup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.IntegrationTests.Foundation;

/// <summary>
/// Sign-in attempts are limited per account name and per client address. The test host has no TCP
/// connection; a startup filter makes every request arrive from 127.0.0.1, as from nginx on the same
/// machine, and X-Forwarded-For names the client as nginx would.
/// </summary>
public abstract class SignInLimitTests(DubanFactory app)
{
    private TestData D => app.Data;

    [Fact]
    public async Task Attempts_are_limited_per_name_and_per_client_and_the_refusal_is_a_page_in_the_persons_language()
    {
        var defaults = new SecurityOptions();
        Assert.Equal(10, defaults.SignInAttemptsPerMinutePerClient);
        Assert.Equal(5, defaults.SignInAttemptsPerMinutePerName);
        await using var limited = app.WithSettings(
            b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, BehindProxy>()),
            ("Duban:Security:SignInAttemptsPerMinutePerClient", "10"),
            ("Duban:Security:SignInAttemptsPerMinutePerName", "5"));
        var client = D.AnonymousClient(limited);
        static string Name() => "nobody-" + Guid.NewGuid().ToString("N")[..6];

        // One name: five answers, then 429, from any address.
        var name = Name();
        for (var i = 0; i < 5; i++)
        {
            var attempt = await AttemptAsync(client, "203.0.113.1", name);
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
            Assert.Contains("登录名或密码错误，或账号已被锁定", await attempt.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var sixth = await AttemptAsync(client, "203.0.113.1", name);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        var sixthBody = await sixth.Content.ReadAsStringAsync();
        Assert.True(sixthBody.Contains("登录尝试过于频繁，请一分钟后再试", StringComparison.Ordinal), sixthBody);
        Assert.Equal("60", sixth.Headers.RetryAfter!.ToString());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await AttemptAsync(client, "203.0.113.2", name)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AttemptAsync(client, "203.0.113.1", Name())).StatusCode);

        // One address: ten answers whatever the names, then 429; another address goes on.
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await AttemptAsync(client, "203.0.113.3", Name())).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await AttemptAsync(client, "203.0.113.3", Name())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AttemptAsync(client, "203.0.113.4", Name())).StatusCode);

        // In English for a person who reads English.
        await TestData.PostFormAsync(client, "/Account/Login", "/culture", new() { ["culture"] = "en", ["returnUrl"] = "/" });
        var english = await AttemptAsync(client, "203.0.113.3", Name());
        Assert.Equal(HttpStatusCode.TooManyRequests, english.StatusCode);
        Assert.Contains("Too many sign-in attempts. Try again in a minute.", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The code step counts as well.
        for (var i = 0; i < 10; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await AttemptAsync(client, "203.0.113.5", Name(), "/Account/LoginWith2fa")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await AttemptAsync(client, "203.0.113.5", Name(), "/Account/LoginWith2fa")).StatusCode);
    }

    private static async Task<HttpResponseMessage> AttemptAsync(HttpClient client, string address, string name, string path = "/Account/Login")
    {
        client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return await TestData.PostFormAsync(client, "/Account/Login", path, new() { ["UserName"] = name, ["Password"] = "Wrong#2026x", ["Code"] = "123456" });
    }

    private sealed class BehindProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return following(context);
            });
            next(builder);
        };
    }
}

[Collection(OnSqlite.Name)]
public sealed class SignInLimitTestsOnSqlite(SqliteFactory app) : SignInLimitTests(app);

[Collection(OnPostgres.Name)]
public sealed class SignInLimitTestsOnPostgres(PostgresFactory app) : SignInLimitTests(app);
