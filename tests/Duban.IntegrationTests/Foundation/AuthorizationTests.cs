using System.Net;
using Duban.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.IntegrationTests.Foundation;

/// <summary>
/// Every route the app has, tried by a liaison of unit A (县发改局) against unit B (城关镇) of the same
/// county and against another region. Routes are read from the app itself, so a new route that is
/// not classified here fails the test until somebody decides what it must do.
/// </summary>
public abstract class AuthorizationTests(DubanFactory app)
{
    private TestData D => app.Data;

    private List<(string Pattern, string Method)> Routes()
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Pattern: "/" + e.RoutePattern.RawText!.Trim('/'), Method: m)))
            .Distinct()
            .ToList();
    }

    /// <summary>For each route: the concrete URLs that reach another unit's or another region's data.</summary>
    private IEnumerable<string> ForeignUrls(string pattern, string method) => (method, pattern) switch
    {
        ("POST", "/api/v1/units") => ["/api/v1/units"],
        ("POST", "/api/v1/people") => ["/api/v1/people"],
        ("POST", "/api/v1/ledgers") => ["/api/v1/ledgers"],
        ("POST", "/api/v1/tasks") => ["/api/v1/tasks"],
        ("POST", "/api/v1/calendar") => ["/api/v1/calendar"],
        ("PUT", "/api/v1/settings/rules") => ["/api/v1/settings/rules"],
        ("POST", "/api/v1/projects") => ["/api/v1/projects"],
        ("POST", "/api/v1/problems") => ["/api/v1/problems"],
        ("PUT", "/api/v1/map/boundary") => ["/api/v1/map/boundary"],
        ("POST", "/Projects/Map") => ["/Projects/Map?handler=Boundary"],
        ("POST", "/api/v1/imports") => ["/api/v1/imports"],
        ("POST", "/api/v1/bulletins") => ["/api/v1/bulletins"],
        ("POST", "/api/v1/indicators") => ["/api/v1/indicators"],
        ("POST", "/api/v1/indicators/import") => ["/api/v1/indicators/import"],
        ("POST", "/api/v1/leads/import") => ["/api/v1/leads/import"],
        (_, _) => ForeignUrls(pattern),
    };

    private IEnumerable<string> ForeignUrls(string pattern) => pattern switch
    {
        "/api/v1/units/{id:int}" => [$"/api/v1/units/{D.UnitB}", $"/api/v1/units/{D.OtherRegionUnit}"],
        "/api/v1/people/{id:int}" => [$"/api/v1/people/{D.PersonInB}", $"/api/v1/people/{D.OtherRegionPerson}"],
        "/api/v1/accounts/{id:int}" => [$"/api/v1/accounts/{D.LiaisonBAccount}", $"/api/v1/accounts/{D.OtherRegionAccount}"],
        "/api/v1/history/{kind}/{id:int}" =>
        [
            $"/api/v1/history/Unit/{D.UnitB}", $"/api/v1/history/Unit/{D.OtherRegionUnit}",
            $"/api/v1/history/Person/{D.PersonInB}", $"/api/v1/history/Person/{D.OtherRegionPerson}",
            $"/api/v1/history/Account/{D.LiaisonBAccount}", $"/api/v1/history/Account/{D.OtherRegionAccount}",
        ],
        "/api/v1/accounts" => ["/api/v1/accounts"],
        "/api/v1/ledgers/{id:int}" => [$"/api/v1/ledgers/{D.OtherRegionLedger}"],
        "/api/v1/tasks/{id:int}" => [$"/api/v1/tasks/{D.TaskB}", $"/api/v1/tasks/{D.OtherRegionTask}"],
        "/api/v1/tasks/{id:int}/reports/with-attachments" => [$"/api/v1/tasks/{D.TaskB}/reports/with-attachments", $"/api/v1/tasks/{D.OtherRegionTask}/reports/with-attachments"],
        "/api/v1/tasks/{id:int}/reports" => [$"/api/v1/tasks/{D.TaskB}/reports", $"/api/v1/tasks/{D.OtherRegionTask}/reports"],
        "/api/v1/tasks/{id:int}/reviews" => [$"/api/v1/tasks/{D.TaskB}/reviews", $"/api/v1/tasks/{D.OtherRegionTask}/reviews"],
        "/api/v1/tasks/{id:int}/exemption" => [$"/api/v1/tasks/{D.TaskB}/exemption", $"/api/v1/tasks/{D.OtherRegionTask}/exemption"],
        "/api/v1/reviews/{id:int}/decision" => [$"/api/v1/reviews/{D.ReviewB}/decision"],
        "/api/v1/lights/recompute" => ["/api/v1/lights/recompute"],
        "/api/v1/tasks/bulk-assign" => ["/api/v1/tasks/bulk-assign"],
        "/api/v1/tasks/{id:int}/notices" => [$"/api/v1/tasks/{D.TaskB}/notices", $"/api/v1/tasks/{D.OtherRegionTask}/notices"],
        "/api/v1/tasks/{id:int}/instructions" => [$"/api/v1/tasks/{D.TaskB}/instructions", $"/api/v1/tasks/{D.OtherRegionTask}/instructions"],
        "/api/v1/notices/{id:int}/answer" => [$"/api/v1/notices/{D.NoticeB}/answer"],
        "/api/v1/inbox/{id:long}/read" => [$"/api/v1/inbox/{D.MessageB}/read"],
        "/Units/Details/{id:int}" => [$"/Units/Details/{D.UnitB}", $"/Units/Details/{D.OtherRegionUnit}"],
        "/Units/Edit/{id:int?}" => [$"/Units/Edit/{D.UnitB}", $"/Units/Edit/{D.OtherRegionUnit}", "/Units/Edit"],
        "/People/Details/{id:int}" => [$"/People/Details/{D.PersonInB}", $"/People/Details/{D.OtherRegionPerson}"],
        "/People/Edit/{id:int?}" => [$"/People/Edit/{D.PersonInB}", $"/People/Edit/{D.OtherRegionPerson}", "/People/Edit"],
        "/Audit/History/{kind}/{id:int}" =>
        [
            $"/Audit/History/Unit/{D.UnitB}", $"/Audit/History/Unit/{D.OtherRegionUnit}",
            $"/Audit/History/Person/{D.PersonInB}", $"/Audit/History/Person/{D.OtherRegionPerson}",
            $"/Audit/History/Account/{D.LiaisonBAccount}",
            $"/Audit/History/WorkItem/{D.TaskB}", $"/Audit/History/WorkItem/{D.OtherRegionTask}",
        ],
        "/Accounts" or "/Accounts/Index" => ["/Accounts"],
        "/Audit" or "/Audit/Index" => ["/Audit", "/Audit?handler=Chain"],
        "/api/v1/audit" => ["/api/v1/audit"],
        "/api/v1/audit/verify" => ["/api/v1/audit/verify"],
        "/Ledgers/Edit/{id:int?}" => [$"/Ledgers/Edit/{D.LedgerId}", $"/Ledgers/Edit/{D.OtherRegionLedger}", "/Ledgers/Edit"],
        "/Ledgers/View/{id:int}" => [$"/Ledgers/View/{D.OtherRegionLedger}"],
        "/Tasks/{id:int}" => [$"/Tasks/{D.TaskB}", $"/Tasks/{D.OtherRegionTask}"],
        "/Tasks/Edit/{id:int?}" => [$"/Tasks/Edit/{D.TaskB}", $"/Tasks/Edit/{D.OtherRegionTask}", $"/Tasks/Edit?ledgerId={D.LedgerId}"],
        "/Reviews" => ["/Reviews"],
        "/Calendar" => ["/Calendar"],
        "/Settings" or "/Settings/Index" => ["/Settings"],
        "/api/v1/projects/{id:int}" or "/Projects/{id:int}" => [P(pattern, D.ProjectB), P(pattern, D.OtherRegionProject)],
        "/api/v1/projects/{id:int}/investments" or "/api/v1/projects/{id:int}/plan" or "/api/v1/projects/{id:int}/stages" or "/api/v1/projects/{id:int}/withdrawal" =>
            [P(pattern, D.ProjectB), P(pattern, D.OtherRegionProject)],
        "/Projects/Edit/{id:int?}" => [$"/Projects/Edit/{D.ProjectB}", $"/Projects/Edit/{D.OtherRegionProject}", "/Projects/Edit"],
        "/Deliveries" => ["/Deliveries"],
        "/api/v1/ledgers/{id:int}/export" => [$"/api/v1/ledgers/{D.OtherRegionLedger}/export"],
        "/LedgerFiles" or "/LedgerFiles/Index" => ["/LedgerFiles"],
        "/LedgerFiles/Review/{id:int}" => ["/LedgerFiles/Review/1"],
        "/api/v1/attachments/{id:int}" => [$"/api/v1/attachments/{D.AttachmentB}"],
        "/api/v1/deliveries" => ["/api/v1/deliveries"],
        "/api/v1/calendar/{id:int}" => ["/api/v1/calendar/1"],
        "/api/v1/bulletins/{id:int}" or "/api/v1/bulletins/{id:int}/issue" or "/api/v1/bulletins/{id:int}/document" or "/Bulletins/{id:int}" or "/Bulletins/{id:int}/Print" =>
            [P(pattern, D.DraftBulletin), P(pattern, D.OtherRegionBulletin)],
        "/api/v1/notices/{id:int}/document" or "/Notices/{id:int}" => [P(pattern, D.NoticeB)],
        // A county's own figures are published to everyone in it; a town's series is its own, and another region's nobody's.
        "/api/v1/indicators/{id:int}" or "/Indicators/{id:int}" => [P(pattern, D.OtherRegionIndicator), P(pattern, D.Indicator) + $"?unitId={D.UnitB}"],
        "/api/v1/indicators/{id:int}/comparison" or "/api/v1/indicators/{id:int}/targets" or "/api/v1/indicators/{id:int}/values" => [P(pattern, D.OtherRegionIndicator)],
        "/Indicators/Edit/{id:int?}" => [$"/Indicators/Edit/{D.OtherRegionIndicator}", $"/Indicators/Edit/{D.Indicator}", "/Indicators/Edit"],
        "/Indicators/Item/{id:int}" => [P(pattern, D.OtherRegionTask)],

        // A lead is its following unit's (and its leader's): another town's, another region's, nobody else's.
        "/api/v1/leads/{id:int}" or "/api/v1/leads/{id:int}/contacts" or "/api/v1/leads/{id:int}/stage" or "/api/v1/leads/{id:int}/termination"
            or "/api/v1/leads/{id:int}/restore" or "/api/v1/leads/{id:int}/landing" or "/Leads/{id:int}" => [P(pattern, D.LeadB), P(pattern, D.OtherRegionLead)],
        "/Leads/Edit/{id:int?}" => [$"/Leads/Edit/{D.LeadB}", $"/Leads/Edit/{D.OtherRegionLead}"],

        // The firm register is the region's; a need is its unit's work item, and only the office registers, rates or closes.
        "/api/v1/firms/{id:int}" or "/Firms/{id:int}" => [P(pattern, D.OtherRegionFirm)],
        "/api/v1/firms/{id:int}/needs" => [P(pattern, D.OtherRegionFirm)],
        "/Firms/Edit/{id:int?}" => [$"/Firms/Edit/{D.OtherRegionFirm}", "/Firms/Edit"],
        "/api/v1/needs/{id:int}" or "/api/v1/needs/{id:int}/rating" or "/api/v1/needs/{id:int}/closure" or "/Firms/Need/{id:int}" => [P(pattern, D.NeedB), P(pattern, D.OtherRegionNeed)],
        "/Accounts/Edit/{id:int?}" => [$"/Accounts/Edit/{D.LiaisonBAccount}", $"/Accounts/Edit/{D.OtherRegionAccount}", "/Accounts/Edit"],
        _ => [],
    };

    private static string P(string pattern, int id) => pattern.Replace("{id:int}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Routes that show only the caller's own data, or lists already filtered by scope (checked below).</summary>
    private static readonly HashSet<string> OwnOrFiltered = new(StringComparer.Ordinal)
    {
        "/", "/Index", "/Units", "/Units/Index", "/People", "/People/Index", "/api/v1/units", "/api/v1/people", "/api/v1/me",
        "/api/v1/ledgers", "/api/v1/tasks", "/api/v1/reviews", "/api/v1/calendar", "/api/v1/settings/rules", "/api/v1/notices",
        "/api/v1/projects", "/api/v1/projects/map", "/api/v1/projects/figures", "/api/v1/problems", "/api/v1/map/boundary",
        "/api/v1/overview", "/api/v1/overview/items", "/Settings/System", "/api/v1/settings/system", "/Overview", "/Overview/Index", "/Overview/Items",
        "/Projects", "/Projects/Index", "/Projects/Map", "/Projects/Plan", "/Projects/Figures", "/Problems", "/Problems/Index", "/api/v1/inbox", "/Inbox", "/Bulletins", "/Bulletins/Index", "/api/v1/bulletins", "/Ledgers", "/Ledgers/Index", "/Todo",
        "/Indicators", "/Indicators/Index", "/Indicators/Import", "/api/v1/indicators", "/api/v1/indicators/catalogue", "/api/v1/indicators/export",
        "/Leads", "/Leads/Index", "/Leads/Board", "/api/v1/leads", "/api/v1/leads/pipeline",
        "/Firms", "/Firms/Index", "/api/v1/firms", "/api/v1/needs/figures",
        "/Account/Login", "/Account/Logout", "/Account/AccessDenied", "/Account/Password", "/Account/Tokens",
        "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/TwoFactor",
        "/Error/{code:int}", "/health", "/culture", "/openapi/{documentName}.json",
    };

    [Fact]
    public async Task Every_route_is_classified_and_every_foreign_url_is_refused_to_a_liaison_of_another_unit()
    {
        var api = await D.ApiClientAsync("fgj");
        var browser = await D.SignedInClientAsync("fgj");
        var unclassified = new List<string>();
        var leaks = new List<string>();
        var checkedUrls = 0;

        foreach (var (pattern, method) in Routes())
        {
            var urls = ForeignUrls(pattern, method).ToList();
            if (urls.Count == 0)
            {
                if (!OwnOrFiltered.Contains(pattern))
                {
                    unclassified.Add($"{method} {pattern}");
                }

                continue;
            }

            foreach (var url in urls)
            {
                var client = url.StartsWith("/api/", StringComparison.Ordinal) ? api : browser;
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (url is "/api/v1/indicators/import" or "/api/v1/leads/import")
                {
                    request.Content = new MultipartFormDataContent { { new ByteArrayContent([0x50, 0x4B, 3, 4]), "file", "越权.xlsx" } };
                }
                else if (url == "/api/v1/imports")
                {
                    request.Content = new MultipartFormDataContent { { new ByteArrayContent([0x50, 0x4B, 3, 4]), "file", "越权.xlsx" }, { new StringContent("tasks"), "kind" } };
                }
                else if (url.EndsWith("/with-attachments", StringComparison.Ordinal))
                {
                    request.Content = new MultipartFormDataContent { { new StringContent("越权填报"), "done" }, { new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0]), "files", "越权.jpg" } };
                }
                else if (method is "POST" or "PUT")
                {
                    request.Content = JsonContent.Create(new
                    {
                        name = "越权测试",
                        kind = url.Contains("/reviews", StringComparison.Ordinal) ? "CloseOut" : url.Contains("/contacts", StringComparison.Ordinal) ? "Visit" : "Department",
                        parentId = D.UnitB,
                        unitId = D.UnitB,
                        userName = "x",
                        displayName = "x",
                        roles = new[] { "Viewer" },
                        password = "abcdefg1",
                        ledgerId = D.LedgerId,
                        leadUnitId = D.UnitB,
                        year = 2026,
                        done = "越权填报",
                        statement = "越权申请",
                        approve = true,
                        reason = "越权",
                        until = "2026-12-31",
                    });
                }

                var response = await client.SendAsync(request);
                checkedUrls++;
                if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                {
                    leaks.Add($"{method} {url} -> {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(unclassified.Count == 0, "Routes nobody classified for authorization: " + string.Join(", ", unclassified));
        Assert.True(leaks.Count == 0, "Foreign data reachable by the liaison of unit A: " + string.Join(", ", leaks));
        Assert.True(checkedUrls >= 45, $"Only {checkedUrls} foreign URLs were tried; the route list looks wrong.");
    }

    [Fact]
    public async Task Every_action_on_another_units_task_page_is_refused()
    {
        var browser = await D.SignedInClientAsync("fgj");
        foreach (var handler in new[] { "Report", "Request", "Exempt" })
        {
            foreach (var task in new[] { D.TaskB, D.OtherRegionTask })
            {
                var response = await TestData.PostFormAsync(browser, "/Todo", $"/Tasks/{task}?handler={handler}", new() { ["Report.Done"] = "越权", ["Apply.Kind"] = "CloseOut", ["Apply.Statement"] = "越权", ["Exemption.Reason"] = "越权", ["Exemption.Until"] = "2030-01-01" });
                Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{handler} on task {task}: {(int)response.StatusCode}");
            }
        }

        var decide = await TestData.PostFormAsync(browser, "/Todo", $"/Tasks/{D.TaskB}?handler=Decide&reviewId={D.ReviewB}", new() { ["Approve"] = "true" });
        Assert.True(decide.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"Decide: {(int)decide.StatusCode}");
        var queue = await TestData.PostFormAsync(browser, "/Todo", $"/Reviews?handler=Decide&reviewId={D.ReviewB}", new() { ["Approve"] = "true" });
        Assert.Equal(HttpStatusCode.Forbidden, queue.StatusCode);
        var status = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Reviews), r => r.Id == D.ReviewB));
        Assert.Equal(Duban.Domain.Work.ReviewStatus.Pending, status.Status);
    }

    [Fact]
    public async Task Lists_show_a_liaison_only_their_own_subtree()
    {
        var api = await D.ApiClientAsync("fgj");
        var units = await api.GetFromJsonAsync<List<UnitRow>>("/api/v1/units");
        Assert.NotNull(units);
        Assert.Contains(units, u => u.Id == D.UnitA);
        Assert.DoesNotContain(units, u => u.Id == D.UnitB || u.Id == D.OtherRegionUnit || u.Id == D.RootUnitId);

        var people = await api.GetFromJsonAsync<List<PersonRow>>("/api/v1/people");
        Assert.NotNull(people);
        Assert.Contains(people, p => p.Id == D.PersonInA);
        Assert.DoesNotContain(people, p => p.Id == D.PersonInB || p.Id == D.OtherRegionPerson);

        var browser = await D.SignedInClientAsync("fgj");
        var tree = await browser.GetStringAsync("/Units");
        Assert.Contains("县发展和改革局", tree, StringComparison.Ordinal);
        Assert.DoesNotContain("城关镇", tree, StringComparison.Ordinal);
        var ledgerPage = await browser.GetStringAsync($"/Ledgers/View/{D.LedgerId}");
        Assert.DoesNotContain("城关镇老旧小区改造", ledgerPage, StringComparison.Ordinal);

        // The page's own route value ("page" = "/Ledgers/View") is not the list's page number: no error box on a GET.
        Assert.DoesNotContain("不是有效的值", ledgerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("不是有效的值", await browser.GetStringAsync("/Projects"), StringComparison.Ordinal);
        var peoplePage = await browser.GetStringAsync("/People");
        Assert.DoesNotContain("城关镇", peoplePage, StringComparison.Ordinal);
        Assert.DoesNotContain("赵其他", peoplePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_supervision_office_sees_its_whole_region_but_never_another()
    {
        var api = await D.ApiClientAsync("duchashi");
        var units = await api.GetFromJsonAsync<List<UnitRow>>("/api/v1/units");
        Assert.NotNull(units);
        Assert.Contains(units, u => u.Id == D.UnitA);
        Assert.Contains(units, u => u.Id == D.UnitB);
        Assert.DoesNotContain(units, u => u.Id == D.OtherRegionUnit);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/units/{D.OtherRegionUnit}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/people/{D.OtherRegionPerson}")).StatusCode);

        var other = await D.ApiClientAsync(TestData.OtherLiaison);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/units/{D.UnitA}")).StatusCode);
    }

    [Fact]
    public async Task Every_api_route_refuses_anonymous_callers_with_401()
    {
        var client = D.AnonymousClient();
        var apiRoutes = Routes().Where(r => r.Pattern.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.True(apiRoutes.Count >= 10, "The API route list looks wrong.");
        foreach (var (pattern, method) in apiRoutes)
        {
            var url = pattern.Replace("{id:int}", "1", StringComparison.Ordinal).Replace("{kind}", "Unit", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method is "POST" or "PUT")
            {
                request.Content = JsonContent.Create(new { name = "x" });
            }

            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {url} answered {(int)response.StatusCode} to an anonymous caller");
        }
    }

    [Fact]
    public async Task A_viewer_or_liaison_cannot_write_the_organisation_even_inside_their_unit()
    {
        var api = await D.ApiClientAsync("fgj");
        var response = await api.PutAsJsonAsync($"/api/v1/units/{D.UnitA}", new { name = "改名", kind = "Department", parentId = D.RootUnitId });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var name = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Units, u => u.Id == D.UnitA));
        Assert.Equal("县发展和改革局", name.Name);
    }

    private sealed record UnitRow(int Id, string Name);

    private sealed record PersonRow(int Id, string Name);
}

[Collection(OnSqlite.Name)]
public sealed class AuthorizationTestsOnSqlite(SqliteFactory app) : AuthorizationTests(app);

[Collection(OnPostgres.Name)]
public sealed class AuthorizationTestsOnPostgres(PostgresFactory app) : AuthorizationTests(app);
