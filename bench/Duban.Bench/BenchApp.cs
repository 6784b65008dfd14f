using System.Net.Http.Headers;
using Duban.Data;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Bench;

// Any type of the web assembly names its entry point; this project has its own Program.
public sealed class BenchApp(string provider, string connection, bool sealInBackground = true) : WebApplicationFactory<Duban.Web.SharedResource>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(Path.Combine(RepoRoot(), "src", "Duban.Web"));
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:Duban", connection);
        builder.UseSetting("Duban:SeedDemoOnFirstStart", "false");
        builder.UseSetting("Duban:Security:SignInAttemptsPerMinutePerClient", "0");
        builder.UseSetting("Duban:Security:SignInAttemptsPerMinutePerName", "0");
        builder.UseSetting("Duban:Lights:RecomputeMinutes", "0"); // the benchmark times its own recomputes
        builder.UseSetting("Duban:Audit:SealSeconds", sealInBackground ? "5" : "0");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Routing.EndpointRoutingMiddleware", "Error"); // the test server has no body size limit to apply
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", Environment.GetEnvironmentVariable("BENCH_SQL") == "1" ? "Information" : "Warning");
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Duban.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }

    public async Task<T> WithDbAsync<T>(Func<DubanDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DubanDb>());
    }

    /// <summary>Serves on a real loopback port (for wrk) and returns its address.</summary>
    public string StartKestrel()
    {
        UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        return Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task<string> TokenAsync(string user)
    {
        var token = ApiTokenAuthentication.NewToken();
        await WithDbAsync(async db =>
        {
            var id = await db.Users.IgnoreQueryFilters().Where(a => a.UserName == user).Select(a => a.Id).SingleAsync();
            db.ApiTokens.Add(new ApiToken { AccountId = id, Name = "bench", Prefix = token[..10], Hash = ApiTokenAuthentication.HashOf(token), CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        return token;
    }

    public async Task<HttpClient> ClientAsync(string user)
    {
        var token = ApiTokenAuthentication.NewToken();
        await WithDbAsync(async db =>
        {
            var id = await db.Users.IgnoreQueryFilters().Where(a => a.UserName == user).Select(a => a.Id).SingleAsync();
            db.ApiTokens.Add(new ApiToken { AccountId = id, Name = "bench", Prefix = token[..10], Hash = ApiTokenAuthentication.HashOf(token), CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<HttpClient> BrowserAsync(string user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/Account/Login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent([new("UserName", user), new("Password", ProvinceGenerator.Password), new("__RequestVerificationToken", token)]);
        var response = await client.PostAsync("/Account/Login", form);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("Sign-in failed for " + user);
        }

        return client;
    }
}
