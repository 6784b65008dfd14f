using System.Net;
using System.Text.RegularExpressions;
using Duban.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.IntegrationTests.Foundation;

/// <summary>
/// Every response carries a Content-Security-Policy that allows no inline script and no eval, and no page
/// needs either: routes are read from the app, so a new page or endpoint is covered the day it is added.
/// </summary>
public abstract partial class ContentSecurityPolicyTests(DubanFactory app)
{
    private TestData D => app.Data;

    private IEnumerable<(string Method, string Pattern)> Endpoints() =>
        app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>()
            .SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, "/" + e.RoutePattern.RawText!.Trim('/'))))
            .Distinct();

    /// <summary>A concrete address for a route: ids of the demo county's own items, so that pages render in full.</summary>
    private string Url(string pattern)
    {
        var id = pattern switch
        {
            _ when pattern.StartsWith("/Audit/History", StringComparison.Ordinal) || pattern.StartsWith("/api/v1/history", StringComparison.Ordinal) => D.TaskB,
            _ when pattern.Contains("/Tasks/", StringComparison.OrdinalIgnoreCase) || pattern.Contains("/tasks/", StringComparison.Ordinal) => D.TaskB,
            _ when pattern.Contains("rojects/", StringComparison.Ordinal) => D.ProjectB,
            _ when pattern.StartsWith("/Indicators/Item", StringComparison.Ordinal) => D.IndicatorItem,
            _ when pattern.Contains("ndicators/", StringComparison.Ordinal) => D.Indicator,
            _ when pattern.Contains("eads/", StringComparison.Ordinal) => D.LeadB,
            _ when pattern.Contains("/Need/", StringComparison.Ordinal) || pattern.Contains("/needs/", StringComparison.Ordinal) => D.NeedB,
            _ when pattern.Contains("irms/", StringComparison.Ordinal) => D.FirmB,
            _ when pattern.Contains("ulletins/", StringComparison.Ordinal) => D.DraftBulletin,
            _ when pattern.Contains("otices/", StringComparison.Ordinal) => D.NoticeB,
            _ when pattern.Contains("nits/", StringComparison.Ordinal) => D.UnitB,
            _ when pattern.Contains("eople/", StringComparison.Ordinal) => D.PersonInB,
            _ when pattern.Contains("edgers/", StringComparison.Ordinal) => D.LedgerId,
            _ when pattern.Contains("ccounts/", StringComparison.Ordinal) => D.LiaisonBAccount,
            _ when pattern.Contains("/inbox/", StringComparison.Ordinal) => (int)D.MessageB,
            _ when pattern.Contains("/attachments/", StringComparison.Ordinal) => D.AttachmentB,
            _ => 404,
        };
        var url = RouteValue().Replace(pattern, m => m.Groups[1].Value switch
        {
            "kind" => "WorkItem",
            "documentName" => "v1",
            _ => id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return url.EndsWith("/Index", StringComparison.Ordinal) ? url[..^"/Index".Length] : url;
    }

    [Fact]
    public void The_policy_allows_script_only_from_our_own_files()
    {
        var policy = Directives(Web.Setup.ServiceSetup.ContentSecurityPolicy);
        Assert.Equal(["'self'"], policy["script-src"]);
        Assert.Equal(["'self'"], policy["default-src"]);
        Assert.Equal(["'none'"], policy["object-src"]);
        Assert.Equal(["'self'"], policy["base-uri"]);
        Assert.Equal(["'none'"], policy["frame-ancestors"]);
        Assert.Equal(["'self'"], policy["form-action"]);
        Assert.Equal(["'self'"], policy["style-src-elem"]);
        foreach (var (directive, sources) in policy.Where(d => d.Key.StartsWith("script", StringComparison.Ordinal) || d.Key == "default-src"))
        {
            Assert.DoesNotContain("'unsafe-inline'", sources);
            Assert.DoesNotContain("'unsafe-eval'", sources);
            Assert.DoesNotContain("*", sources);
            Assert.DoesNotContain("data:", sources);
            Assert.True(sources.All(s => s is "'self'" or "'none'"), $"{directive} allows {string.Join(' ', sources)}");
        }
    }

    [Fact]
    public async Task Every_page_and_every_api_answer_carries_the_policy_and_no_page_has_inline_script()
    {
        HttpClient[] browsers = [await D.SignedInClientAsync("auditor"), await D.SignedInClientAsync("admin"), await D.SignedInClientAsync("duchashi")];
        var api = await D.ApiClientAsync("admin");
        var anonymous = D.AnonymousClient();
        var endpoints = Endpoints().ToList();
        var pages = endpoints.Where(e => e.Method == "GET" && !e.Pattern.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count >= 30 && endpoints.Count(e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal)) >= 50, "The route list looks wrong.");

        var notInFull = new List<string>();
        foreach (var (method, pattern) in endpoints)
        {
            var url = Url(pattern);
            var isApi = pattern.StartsWith("/api/", StringComparison.Ordinal);

            // Every route, every method, refused or not: the answer to a stranger carries the policy too.
            using (var request = new HttpRequestMessage(new HttpMethod(method), url))
            {
                AssertPolicy(await anonymous.SendAsync(request), $"{method} {url} (anonymous)");
            }

            if (method != "GET" || pattern == "/Account/Logout")
            {
                continue;
            }

            // Pages are read as the auditor, the administrator and the office in turn: each role opens its own.
            var statuses = new List<int>();
            foreach (var client in isApi ? [api] : browsers)
            {
                var response = await client.GetAsync(url);
                AssertPolicy(response, $"GET {url}");
                if (response.Content.Headers.ContentType?.MediaType == "text/html")
                {
                    AssertNoInlineScript(await response.Content.ReadAsStringAsync(), url);
                }

                statuses.Add((int)response.StatusCode);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }

            if (!isApi && statuses[^1] != 200)
            {
                notInFull.Add($"{url} {statuses[^1]}");
            }
        }

        // The error page answers with the status it shows; the test data has no import to review; an indicator's work
        // item sends its reader on to the indicator's page; the second-factor
        // steps send a person who is not half-way through signing in back to the sign-in page.
        Assert.True(
            notInFull.Order(StringComparer.Ordinal).SequenceEqual(new[] { "/Account/LoginWith2fa 302", "/Account/LoginWithRecoveryCode 302", "/Error/404 404", "/LedgerFiles/Review/404 404", $"/Indicators/Item/{D.IndicatorItem} 302" }.Order(StringComparer.Ordinal)),
            $"Of {pages.Count} pages these were not read in full: {string.Join(", ", notInFull)}");
    }

    [Fact]
    public async Task Errors_files_and_refusals_carry_the_policy_too()
    {
        var office = await D.ApiClientAsync("duchashi");
        var browser = await D.SignedInClientAsync("duchashi");
        var anonymous = D.AnonymousClient();

        AssertPolicy(await office.PostAsJsonAsync("/api/v1/units", new { }), "an invalid API write");
        AssertPolicy(await office.GetAsync("/api/v1/tasks/999999"), "an API 404");
        AssertPolicy(await office.GetAsync($"/api/v1/bulletins/{D.DraftBulletin}/document"), "a Word document");
        var missing = await browser.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        AssertPolicy(missing, "the 404 page");
        AssertNoInlineScript(await missing.Content.ReadAsStringAsync(), "/no-such-page");
        using (var form = new FormUrlEncodedContent([new("UserName", "x"), new("Password", "y")]))
        {
            AssertPolicy(await anonymous.PostAsync("/Account/Login", form), "a sign-in without its antiforgery token");
        }

        AssertPolicy(await anonymous.GetAsync("/css/site.css"), "a stylesheet");
        AssertPolicy(await anonymous.GetAsync("/js/site.js"), "our script");
        AssertPolicy(await anonymous.GetAsync("/health"), "the health check");
        AssertPolicy(await anonymous.GetAsync("/Account/Login"), "the sign-in page");
    }

    [Fact]
    public async Task A_pdf_attachment_may_be_shown_by_the_browsers_viewer_and_still_runs_no_script()
    {
        var api = await D.ApiClientAsync("chengguan");
        var pdf = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"u8.ToArray();
        using var form = new MultipartFormDataContent { { new StringContent("附验收单。"), "done" }, { new ByteArrayContent(pdf), "files", "验收单.pdf" } };
        var created = await api.PostAsync($"/api/v1/tasks/{D.TaskB}/reports/with-attachments", form);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("attachments")[0].GetProperty("url").GetString();

        var file = await api.GetAsync(url);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        var policy = Directives(Assert.Single(file.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(["'self'"], policy["object-src"]);
        Assert.Equal(["'self'"], policy["script-src"]);
        Assert.Equal(["'none'"], policy["frame-ancestors"]);
        Assert.Equal(Directives(Web.Setup.ServiceSetup.ContentSecurityPolicy).Keys.Order(), policy.Keys.Order());
    }

    private static void AssertPolicy(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var values), $"{what} ({(int)response.StatusCode}) carries no Content-Security-Policy");
        Assert.Equal(Web.Setup.ServiceSetup.ContentSecurityPolicy, Assert.Single(values));
    }

    private static void AssertNoInlineScript(string html, string url)
    {
        Assert.False(InlineScript().IsMatch(html), $"{url} has an inline <script>: {InlineScript().Match(html).Value}");
        Assert.False(EventHandler().IsMatch(html), $"{url} has an inline event handler: {EventHandler().Match(html).Value}");
        Assert.False(ScriptUrl().IsMatch(html), $"{url} has a javascript: URL: {ScriptUrl().Match(html).Value}");
        Assert.False(StyleElement().IsMatch(html), $"{url} has a <style> element: {StyleElement().Match(html).Value}");
    }

    private static Dictionary<string, string[]> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..], StringComparer.Ordinal);

    [GeneratedRegex(@"\{(\w+)(?::[\w?]+)?\??\}")]
    private static partial Regex RouteValue();

    // A <script> that is neither a file nor data (type="application/json" is never run).
    [GeneratedRegex(@"<script(?![^>]*\ssrc=)(?![^>]*\stype=""application/json"")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    // onclick=, onchange=, … and htmx's hx-on: inside a tag. Attribute values are encoded, so a tag ends at its first '>'.
    [GeneratedRegex(@"<[a-z][^>]*\s(?:on[a-z]+|hx-on[:-][\w:-]*)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex(@"\s(?:href|src|action|formaction)\s*=\s*[""']?\s*javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptUrl();

    [GeneratedRegex(@"<style[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();
}

[Collection(OnSqlite.Name)]
public sealed class ContentSecurityPolicyTestsOnSqlite(SqliteFactory app) : ContentSecurityPolicyTests(app);

[Collection(OnPostgres.Name)]
public sealed class ContentSecurityPolicyTestsOnPostgres(PostgresFactory app) : ContentSecurityPolicyTests(app);
