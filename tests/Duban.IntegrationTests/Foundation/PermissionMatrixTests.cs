using System.Net;
using System.Reflection;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Domain.Work;
using Duban.IntegrationTests.Infrastructure;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.IntegrationTests.Foundation;

/// <summary>
/// Every API route and every Razor page handler (GET and each named POST), read from the app's own endpoint
/// data, tried by every kind of person: each demo role, an auditor, the liaison of a unit that only supports
/// the target, the office of another region, and nobody. What each may do comes from the permission table;
/// a route or handler that declares no permission fails the test, and so does a refusal that changed anything.
/// Runs on a database of its own, because the permitted tries really write.
/// </summary>
public abstract class PermissionMatrixTests(DubanFactory app)
{
    private TestData D => app.Data;

    /// <summary>How an actor stands to the target task and project: a unit that supports them is not their lead.</summary>
    private enum Relation
    {
        None,
        Region,
        Leads,
        Supports,
        NamedLeader,
    }

    private sealed record Actor(string Name, IReadOnlyList<string> Roles, Relation Relation, HttpClient? Api, HttpClient? Browser)
    {
        public bool Anonymous => Api is null;
    }

    private sealed record Route(string Kind, string Method, string Pattern, string? Handler, Permission? Permission, bool Anonymous)
    {
        public override string ToString() => Handler is null ? $"{Kind} {Method} {Pattern}" : $"{Kind} {Method} {Pattern}?handler={Handler}";
    }

    private sealed class Targets
    {
        public int TaskS { get; set; }
        public int ProjectS { get; set; }
        public int ReviewS { get; set; }
        public int NoticeS { get; set; }
        public int AttachmentS { get; set; }
        public int SpareUnit { get; set; }
        public int SparePerson { get; set; }
        public int SpareAccount { get; set; }
        public int CalendarDay { get; set; }
        public int Bulletin { get; set; }
        public long Message { get; set; }
        public int LeadS { get; set; }
        public int FirmS { get; set; }
        public int NeedS { get; set; }
    }

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<DubanFactory, Targets> Prepared = [];

    [Fact]
    public async Task Every_route_and_page_handler_declares_a_permission_and_answers_every_actor_as_the_table_says()
    {
        var t = await TargetsAsync();
        var actors = await ActorsAsync();
        var routes = await RoutesAsync();

        var undeclared = routes.Where(r => r.Permission is null && !r.Anonymous).Select(r => r.ToString()).ToList();
        Assert.True(undeclared.Count == 0, "Routes and handlers that declare no permission: " + string.Join(", ", undeclared));

        var unmapped = new List<string>();
        var wrong = new List<string>();
        var tries = 0;

        // Signing out ends the actor's session: try it last.
        foreach (var route in routes.OrderBy(r => r.Pattern == "/Account/Logout" ? 1 : 0))
        {
            if (Url(route, t) is not { } target)
            {
                unmapped.Add(route.ToString());
                continue;
            }

            foreach (var actor in actors)
            {
                var before = await ChangesAsync();
                var response = await SendAsync(route, target.Url, actor);
                tries++;
                var status = (int)response.StatusCode;
                var expected = Expected(route, target.OnItem, actor);
                var refused = IsRefusal(route, response, actor);
                if (status >= 500)
                {
                    wrong.Add($"{route} as {actor.Name}: {status}");
                }
                else if (expected == Expectation.Refused && !refused)
                {
                    wrong.Add($"{route} as {actor.Name}: {status}, the table refuses it");
                }
                else if (expected == Expectation.Allowed && refused)
                {
                    wrong.Add($"{route} as {actor.Name}: {status}, the table allows it");
                }

                if (refused && await ChangesAsync() != before)
                {
                    wrong.Add($"{route} as {actor.Name}: refused ({status}) but something was written");
                }
            }
        }

        Assert.True(unmapped.Count == 0, "Routes with no target URL in this test (add one): " + string.Join(", ", unmapped));
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {tries} tries answered against the permission table:\n" + string.Join("\n", wrong));
        Assert.True(routes.Count >= 100, $"Only {routes.Count} routes and handlers were found; the enumeration looks wrong.");
        Assert.True(tries >= routes.Count * actors.Count, $"Only {tries} tries.");
        Console.WriteLine($"Permission matrix ({app.Provider}): {routes.Count} routes and handlers × {actors.Count} actors = {tries} tries.");
    }

    [Fact]
    public async Task A_liaison_cannot_approve_its_own_extension_through_the_page_form_and_the_deadline_stays()
    {
        var office = await D.ApiClientAsync("duchashi");
        var task = await office.PostAsJsonAsync("/api/v1/tasks", new { ledgerId = D.LedgerId, name = "发改局自批延期测试", leadUnitId = D.UnitA, startDate = "2026-01-01", deadline = "2026-12-31" });
        Assert.Equal(HttpStatusCode.Created, task.StatusCode);
        var id = (await task.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();

        var fgj = await D.SignedInClientAsync("fgj");
        var asked = await TestData.PostFormAsync(fgj, $"/Tasks/{id}", $"/Tasks/{id}?handler=Request", new() { ["Apply.Kind"] = "Extension", ["Apply.Statement"] = "需要延期", ["Apply.ProposedDeadline"] = "2030-01-01" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var review = await app.WithDbAsync(db => db.Reviews.IgnoreQueryFilters().SingleAsync(r => r.WorkItemId == id));

        var decided = await TestData.PostFormAsync(fgj, $"/Tasks/{id}", $"/Tasks/{id}?handler=Decide&reviewId={review.Id}", new() { ["Approve"] = "true" });
        Assert.Equal(HttpStatusCode.Forbidden, decided.StatusCode);
        var api = await D.ApiClientAsync("fgj");
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"/api/v1/reviews/{review.Id}/decision", new { approve = true })).StatusCode);

        var leader = await D.SignedInClientAsync("leader");
        var byLeader = await TestData.PostFormAsync(leader, $"/Tasks/{id}", $"/Tasks/{id}?handler=Decide&reviewId={review.Id}", new() { ["Approve"] = "true" });
        Assert.Equal(HttpStatusCode.Forbidden, byLeader.StatusCode);

        var after = await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().SingleAsync(w => w.Id == id));
        Assert.Equal(new DateOnly(2026, 12, 31), after.Deadline);
        Assert.Equal(ReviewStatus.Pending, (await app.WithDbAsync(db => db.Reviews.IgnoreQueryFilters().SingleAsync(r => r.Id == review.Id))).Status);

        // The page offers the liaison no decision buttons, and offers the office both.
        Assert.DoesNotContain("handler=Decide", await fgj.GetStringAsync($"/Tasks/{id}"), StringComparison.Ordinal);
        var officePage = await (await D.SignedInClientAsync("duchashi")).GetStringAsync($"/Tasks/{id}");
        Assert.Contains("handler=Decide", officePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_reports_nothing_and_a_supporting_unit_cannot_make_itself_the_lead()
    {
        var t = await TargetsAsync();
        var viewer = await D.ApiClientAsync("viewer");
        var financeTask = await NewTaskLedByAsync("县财政局", "财政局只读测试");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/v1/tasks/{financeTask}/reports", new { done = "查看者填报" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/v1/tasks/{financeTask}/reviews", new { kind = "CloseOut", statement = "查看者申请销号" })).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.ProgressReports.IgnoreQueryFilters().CountAsync(r => r.WorkItemId == financeTask)));

        var fgj = await D.SignedInClientAsync("fgj");
        var assign = await TestData.PostFormAsync(fgj, "/Todo", $"/Ledgers/View/{D.LedgerId}?handler=Assign", [new("TaskIds", t.TaskS.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("LeadUnitId", D.UnitA.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Forbidden, assign.StatusCode);
        var api = await D.ApiClientAsync("fgj");
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/tasks/bulk-assign", new { taskIds = new[] { t.TaskS }, leadUnitId = D.UnitA })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"/api/v1/tasks/{t.TaskS}/reports", new { done = "配合单位越位填报" })).StatusCode);
        var lead = await app.WithDbAsync(db => db.WorkItems.IgnoreQueryFilters().Where(w => w.Id == t.TaskS).Select(w => w.LeadUnitId).SingleAsync());
        Assert.Equal(D.UnitB, lead);
    }

    private async Task<int> NewTaskLedByAsync(string unit, string name)
    {
        var office = await D.ApiClientAsync("duchashi");
        var response = await office.PostAsJsonAsync("/api/v1/tasks", new { ledgerId = D.LedgerId, name, leadUnitId = await D.UnitIdAsync(unit), startDate = "2026-01-01", deadline = "2026-12-31" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
    }

    private enum Expectation
    {
        Allowed,
        Refused,

        /// <summary>Allowed by role; whether the unit or region in the URL is visible is the scope's business, tried elsewhere.</summary>
        RoleAllowsScopeDecides,
    }

    private static Expectation Expected(Route route, bool onItem, Actor actor)
    {
        if (route.Anonymous)
        {
            return Expectation.Allowed;
        }

        if (actor.Anonymous)
        {
            return Expectation.Refused;
        }

        var reach = PermissionTable.ReachOf(actor.Roles, route.Permission!.Value);
        if (reach == Reach.None)
        {
            return Expectation.Refused;
        }

        if (!onItem)
        {
            return Expectation.RoleAllowsScopeDecides;
        }

        if (actor.Relation == Relation.None)
        {
            return Expectation.Refused;
        }

        return reach switch
        {
            Reach.Region or Reach.Visible => Expectation.Allowed,
            Reach.Led => actor.Relation == Relation.Leads ? Expectation.Allowed : Expectation.Refused,
            Reach.Named => actor.Relation == Relation.NamedLeader ? Expectation.Allowed : Expectation.Refused,
            _ => Expectation.Refused,
        };
    }

    private static bool IsRefusal(Route route, HttpResponseMessage response, Actor actor)
    {
        var status = response.StatusCode;
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            return true;
        }

        // A person who is not signed in is sent to the sign-in page.
        return actor.Anonymous && !route.Anonymous && status == HttpStatusCode.Redirect
            && response.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.Ordinal) == true;
    }

    /// <summary>Everything the app records of a change: the audit trail, plus the rows it does not audit one by one.</summary>
    private Task<string> ChangesAsync() => app.WithDbAsync(async db =>
        string.Join(',', await db.AuditEntries.IgnoreQueryFilters().CountAsync(), await db.ProgressReports.IgnoreQueryFilters().CountAsync(),
            await db.Reviews.IgnoreQueryFilters().CountAsync(r => r.Status == ReviewStatus.Pending), await db.Notices.IgnoreQueryFilters().CountAsync(),
            await db.ApiTokens.CountAsync(), await db.Messages.IgnoreQueryFilters().CountAsync(m => m.ReadAt != null)));

    private async Task<HttpResponseMessage> SendAsync(Route route, string url, Actor actor)
    {
        if (route.Kind == "api")
        {
            var client = actor.Api ?? D.AnonymousClient();
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), url) { Content = ApiBody(route, url) };
            return await client.SendAsync(request);
        }

        var browser = actor.Browser ?? D.AnonymousClient();
        if (route.Method == "GET")
        {
            return await browser.GetAsync(url);
        }

        // A form posted by someone who may never have been shown it: the antiforgery token comes from a page
        // every person may open, so the refusal has to come from the permission check, not from a missing token.
        var tokenPage = actor.Anonymous ? "/Account/Login" : "/Account/Password";
        return await TestData.PostFormAsync(browser, tokenPage, url, FormFields);
    }

    private static readonly Dictionary<string, string> FormFields = new()
    {
        ["Report.Done"] = "矩阵填报",
        ["Report.Percent"] = "40",
        ["Apply.Kind"] = "Extension",
        ["Apply.Statement"] = "矩阵申请",
        ["Apply.ProposedDeadline"] = "2031-01-01",
        ["Approve"] = "true",
        ["Note"] = "矩阵",
        ["Notice.Kind"] = "ReminderLetter",
        ["Notice.Body"] = "矩阵督办",
        ["Notice.AnswerBy"] = "2031-01-01",
        ["answer"] = "矩阵答复",
        ["Exemption.Reason"] = "矩阵豁免",
        ["Exemption.Until"] = "2031-01-01",
        ["Investment.Year"] = "2026",
        ["Investment.Month"] = "5",
        ["Investment.Amount"] = "10",
        ["Plan.Year"] = "2026",
        ["Plan.Amount"] = "100",
        ["StageReached.Stage"] = "Started",
        ["StageReached.On"] = "2026-05-01",
        ["Withdrawal.Reason"] = "矩阵",
        ["Problem.Name"] = "矩阵问题",
        ["Problem.Cause"] = "Funding",
        ["Problem.Deadline"] = "2031-01-01",
        ["Input.Name"] = "矩阵",
        ["Input.Title"] = "矩阵",
        ["Name"] = "矩阵",
        ["Date"] = "2031-01-01",
        ["Kind"] = "Holiday",
        ["Title"] = "矩阵通报",
        ["CurrentPassword"] = "x",
        ["NewPassword"] = "x",
        ["ConfirmPassword"] = "y",
    };

    private HttpContent? ApiBody(Route route, string url)
    {
        if (route.Method is "GET" or "DELETE")
        {
            return null;
        }

        if (url.EndsWith("/indicators/import", StringComparison.Ordinal) || url.EndsWith("/leads/import", StringComparison.Ordinal))
        {
            return new MultipartFormDataContent { { new ByteArrayContent([0x50, 0x4B, 3, 4]), "file", "矩阵.xlsx" } };
        }

        if (url.EndsWith("/imports", StringComparison.Ordinal))
        {
            return new MultipartFormDataContent { { new ByteArrayContent([0x50, 0x4B, 3, 4]), "file", "矩阵.xlsx" }, { new StringContent("tasks"), "kind" } };
        }

        if (url.EndsWith("/with-attachments", StringComparison.Ordinal))
        {
            return new MultipartFormDataContent { { new StringContent("矩阵填报"), "done" } };
        }

        return JsonContent.Create(new
        {
            name = "矩阵测试" + Guid.NewGuid().ToString("N")[..6],
            kind = url.Contains("/reviews", StringComparison.Ordinal) ? "CloseOut" : url.Contains("/contacts", StringComparison.Ordinal) ? "Visit" : url.Contains("/notices", StringComparison.Ordinal) ? "ReminderLetter" : "Department",
            parentId = D.UnitB,
            unitId = D.UnitB,
            userName = "matrix" + Guid.NewGuid().ToString("N")[..6],
            displayName = "矩阵",
            roles = new[] { "Viewer" },
            password = "Matrix-Passw0rd-2026",
            ledgerId = D.LedgerId,
            leadUnitId = D.UnitB,
            year = 2026,
            done = "矩阵填报",
            statement = "矩阵申请",
            body = "矩阵督办",
            answer = "矩阵答复",
            answerBy = "2031-01-01",
            approve = true,
            reason = "矩阵",
            until = "2031-01-01",
            date = "2031-01-02",
            title = "矩阵通报",
        });
    }

    /// <summary>The URL that reaches the target of a route, and whether the target is the work item the relations are about.</summary>
    private (string Url, bool OnItem)? Url(Route route, Targets t)
    {
        static string I(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pattern = route.Pattern;
        var onItem = pattern.Contains("/tasks/{id", StringComparison.Ordinal) || pattern.StartsWith("/Tasks/{id", StringComparison.Ordinal)
            || pattern.Contains("/projects/{id", StringComparison.Ordinal) || pattern.StartsWith("/Projects/{id", StringComparison.Ordinal)
            || pattern.Contains("/leads/{id", StringComparison.Ordinal) || pattern.StartsWith("/Leads/{id", StringComparison.Ordinal) || pattern.StartsWith("/Leads/Edit/{id", StringComparison.Ordinal)
            || pattern.Contains("/needs/{id", StringComparison.Ordinal) || pattern.StartsWith("/Firms/Need/{id", StringComparison.Ordinal)
            || pattern is "/api/v1/reviews/{id:int}/decision" or "/api/v1/notices/{id:int}/answer" or "/api/v1/attachments/{id:int}" or "/Notices/{id:int}" or "/api/v1/notices/{id:int}/document";
        string? url = pattern switch
        {
            _ when !pattern.Contains('{', StringComparison.Ordinal) => pattern,
            "/api/v1/tasks/{id:int}" or "/api/v1/tasks/{id:int}/reports" or "/api/v1/tasks/{id:int}/reports/with-attachments" or "/api/v1/tasks/{id:int}/reviews"
                or "/api/v1/tasks/{id:int}/exemption" or "/api/v1/tasks/{id:int}/notices" or "/api/v1/tasks/{id:int}/instructions" or "/Tasks/{id:int}" => pattern.Replace("{id:int}", I(t.TaskS), StringComparison.Ordinal),
            "/Tasks/Edit/{id:int?}" => $"/Tasks/Edit/{I(t.TaskS)}",
            "/api/v1/projects/{id:int}" or "/api/v1/projects/{id:int}/investments" or "/api/v1/projects/{id:int}/plan" or "/api/v1/projects/{id:int}/stages"
                or "/api/v1/projects/{id:int}/withdrawal" or "/Projects/{id:int}" => pattern.Replace("{id:int}", I(t.ProjectS), StringComparison.Ordinal),
            "/Projects/Edit/{id:int?}" => $"/Projects/Edit/{I(t.ProjectS)}",
            "/api/v1/reviews/{id:int}/decision" => $"/api/v1/reviews/{I(t.ReviewS)}/decision",
            "/api/v1/notices/{id:int}/answer" or "/api/v1/notices/{id:int}/document" or "/Notices/{id:int}" => pattern.Replace("{id:int}", I(t.NoticeS), StringComparison.Ordinal),
            "/api/v1/attachments/{id:int}" => $"/api/v1/attachments/{I(t.AttachmentS)}",
            "/api/v1/inbox/{id:long}/read" => $"/api/v1/inbox/{I(t.Message)}/read",
            "/api/v1/units/{id:int}" or "/Units/Details/{id:int}" => pattern.Replace("{id:int}", I(t.SpareUnit), StringComparison.Ordinal),
            "/Units/Edit/{id:int?}" => $"/Units/Edit/{I(t.SpareUnit)}",
            "/api/v1/people/{id:int}" or "/People/Details/{id:int}" => pattern.Replace("{id:int}", I(t.SparePerson), StringComparison.Ordinal),
            "/People/Edit/{id:int?}" => $"/People/Edit/{I(t.SparePerson)}",
            "/api/v1/accounts/{id:int}" => $"/api/v1/accounts/{I(t.SpareAccount)}",
            "/Accounts/Edit/{id:int?}" => $"/Accounts/Edit/{I(t.SpareAccount)}",
            "/api/v1/history/{kind}/{id:int}" or "/Audit/History/{kind}/{id:int}" => pattern.Replace("{kind}", "WorkItem", StringComparison.Ordinal).Replace("{id:int}", I(t.TaskS), StringComparison.Ordinal),
            "/api/v1/ledgers/{id:int}" or "/api/v1/ledgers/{id:int}/export" or "/Ledgers/View/{id:int}" => pattern.Replace("{id:int}", I(D.LedgerId), StringComparison.Ordinal),
            "/Ledgers/Edit/{id:int?}" => $"/Ledgers/Edit/{I(D.LedgerId)}",
            "/api/v1/calendar/{id:int}" => $"/api/v1/calendar/{I(t.CalendarDay)}",
            "/api/v1/bulletins/{id:int}" or "/api/v1/bulletins/{id:int}/issue" or "/api/v1/bulletins/{id:int}/document" or "/Bulletins/{id:int}" or "/Bulletins/{id:int}/Print" =>
                pattern.Replace("{id:int}", I(t.Bulletin), StringComparison.Ordinal),
            "/api/v1/indicators/{id:int}" or "/api/v1/indicators/{id:int}/comparison" or "/api/v1/indicators/{id:int}/targets" or "/api/v1/indicators/{id:int}/values"
                or "/Indicators/{id:int}" => pattern.Replace("{id:int}", I(D.Indicator), StringComparison.Ordinal),
            "/Indicators/Edit/{id:int?}" => $"/Indicators/Edit/{I(D.Indicator)}",
            "/Indicators/Item/{id:int}" => $"/Indicators/Item/{I(D.IndicatorItem)}",
            "/api/v1/leads/{id:int}" or "/api/v1/leads/{id:int}/contacts" or "/api/v1/leads/{id:int}/stage" or "/api/v1/leads/{id:int}/termination"
                or "/api/v1/leads/{id:int}/restore" or "/api/v1/leads/{id:int}/landing" or "/Leads/{id:int}" => pattern.Replace("{id:int}", I(t.LeadS), StringComparison.Ordinal),
            "/Leads/Edit/{id:int?}" => $"/Leads/Edit/{I(t.LeadS)}",
            "/api/v1/firms/{id:int}" or "/api/v1/firms/{id:int}/needs" or "/Firms/{id:int}" => pattern.Replace("{id:int}", I(t.FirmS), StringComparison.Ordinal),
            "/Firms/Edit/{id:int?}" => $"/Firms/Edit/{I(t.FirmS)}",
            "/api/v1/needs/{id:int}" or "/api/v1/needs/{id:int}/rating" or "/api/v1/needs/{id:int}/closure" or "/Firms/Need/{id:int}" => pattern.Replace("{id:int}", I(t.NeedS), StringComparison.Ordinal),
            "/LedgerFiles/Review/{id:int}" => "/LedgerFiles/Review/1",
            "/Error/{code:int}" => "/Error/418", // answers with the code it shows; 418 is neither a refusal nor a failure
            "/openapi/{documentName}.json" => "/openapi/v1.json",
            _ => null,
        };
        if (url is null)
        {
            return null;
        }

        if (route.Handler is { } handler)
        {
            url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
            url += handler switch
            {
                "Decide" => $"&reviewId={I(t.ReviewS)}",
                "Answer" => $"&noticeId={I(t.NoticeS)}",
                _ => string.Empty,
            };
        }

        return (url, onItem);
    }

    private async Task<List<Route>> RoutesAsync()
    {
        var routes = new List<Route>();
        foreach (var endpoint in app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            {
                continue;
            }

            var pattern = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            var permission = endpoint.Metadata.GetMetadata<RequiresAttribute>()?.Permission;
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                routes.Add(new Route(pattern.StartsWith("/api/", StringComparison.Ordinal) ? "api" : "app", method, pattern, null, permission, anonymous));
            }
        }

        var loader = app.Services.GetRequiredService<PageLoader>();
        var pages = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>()
            .GroupBy(p => p.ViewEnginePath).Select(g => g.OrderByDescending(p => p.AttributeRouteInfo!.Template!.Length).First());
        foreach (var page in pages)
        {
            var compiled = await loader.LoadAsync(page, EndpointMetadataCollection.Empty);
            var pattern = "/" + page.AttributeRouteInfo!.Template!.Trim('/');
            pattern = pattern.EndsWith("/Index", StringComparison.Ordinal) ? pattern[..^"/Index".Length] : pattern;
            pattern = pattern.Length == 0 ? "/" : pattern;
            var pageAnonymous = compiled.EndpointMetadata.OfType<IAllowAnonymous>().Any();
            var pagePermission = compiled.EndpointMetadata.OfType<RequiresAttribute>().LastOrDefault()?.Permission;
            var handlers = compiled.HandlerMethods.Count == 0
                ? [(Method: "GET", Name: (string?)null, Permission: pagePermission)]
                : compiled.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), h.Name, Permission: h.MethodInfo.GetCustomAttribute<RequiresAttribute>()?.Permission ?? pagePermission)).ToList();
            foreach (var (method, name, permission) in handlers.Distinct())
            {
                // A page without a declared permission is undeclared even when its handler declares one.
                routes.Add(new Route("page", method, pattern, name, pagePermission is null && !pageAnonymous ? null : permission, pageAnonymous));
            }
        }

        return routes;
    }

    private async Task<List<Actor>> ActorsAsync()
    {
        async Task<Actor> A(string name, Relation relation)
        {
            var roles = await app.WithDbAsync(async db =>
            {
                var account = await db.Users.IgnoreQueryFilters().SingleAsync(a => a.UserName == name);
                return await db.UserRoles.Where(ur => ur.UserId == account.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
            });
            return new Actor(name, roles, relation, await D.ApiClientAsync(name), await D.SignedInClientAsync(name));
        }

        return
        [
            new Actor("anonymous", [], Relation.None, null, null),
            await A("viewer", Relation.None),
            await A(OtherOffice, Relation.None),
            await A("fgj", Relation.Supports),
            await A("leader", Relation.NamedLeader),
            await A(Auditor, Relation.Region),
            await A("chengguan", Relation.Leads),
            await A("admin", Relation.Region),
            await A("duchashi", Relation.Region),
        ];
    }

    private const string OtherOffice = "matrix-other-office";
    private const string Auditor = "matrix-auditor";

    /// <summary>
    /// A task and a project led by 城关镇 and supported by 县发改局 (so fgj sees them without leading them), naming the
    /// leader; a pending request, a notice and an attachment on the task; spare units, people and accounts to edit.
    /// </summary>
    private async Task<Targets> TargetsAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (Prepared.TryGetValue(app, out var ready))
            {
                return ready;
            }

            var t = new Targets();
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var unitB = await db.Units.IgnoreQueryFilters().SingleAsync(u => u.Id == D.UnitB);
            var unitA = await db.Units.IgnoreQueryFilters().SingleAsync(u => u.Id == D.UnitA);
            var leader = await db.Users.IgnoreQueryFilters().Where(a => a.UserName == "leader").Select(a => a.PersonId).SingleAsync();
            var chengguan = await db.Users.IgnoreQueryFilters().SingleAsync(a => a.UserName == "chengguan");

            WorkItem Item(WorkItemKind kind, string name) => new()
            {
                RegionId = D.RegionId,
                LedgerId = D.LedgerId,
                Kind = kind,
                LeadUnitId = unitB.Id,
                LeadUnitPath = unitB.Path,
                LeaderId = leader,
                Name = name,
                StartDate = new DateOnly(2026, 1, 1),
                Deadline = new DateOnly(2030, 12, 31),
            };
            var task = Item(WorkItemKind.Task, "矩阵：城关镇牵头发改局配合的任务");
            var project = Item(WorkItemKind.KeyProject, "矩阵：城关镇牵头发改局配合的项目");
            // A lead 城关镇 follows, naming the leader; a lead has no supporting units, so fgj does not see it.
            var lead = Item(WorkItemKind.Lead, "矩阵：城关镇跟进的招商线索");
            lead.Deadline = null;
            // A firm's need assigned to 城关镇: a problem work item with its need row.
            var need = Item(WorkItemKind.Problem, "矩阵：交办城关镇的企业诉求");
            need.ProblemCause = ProblemCause.Labour;
            db.WorkItems.AddRange(task, project, lead, need);
            var firm = new Domain.Promotion.Firm { RegionId = D.RegionId, Name = "矩阵企业有限公司", RegisteredOn = new DateOnly(2026, 1, 1) };
            db.Firms.Add(firm);
            await db.SaveChangesAsync();
            lead.PlaceUnder((WorkItem?)null);
            need.PlaceUnder((WorkItem?)null);
            var needRow = new Domain.Promotion.FirmNeed { RegionId = D.RegionId, WorkItemId = need.Id, FirmId = firm.Id };
            needRow.Open(DateTime.UtcNow.AddDays(-1));
            db.FirmNeeds.Add(needRow);
            var leadRow = new Domain.Promotion.Lead { RegionId = D.RegionId, WorkItemId = lead.Id, Investor = "矩阵投资方" };
            leadRow.Start(new DateOnly(2026, 1, 1));
            db.Leads.Add(leadRow);
            task.PlaceUnder((WorkItem?)null);
            project.PlaceUnder((WorkItem?)null);
            db.WorkItemUnits.AddRange(
                new WorkItemUnit { RegionId = D.RegionId, WorkItemId = task.Id, UnitId = unitA.Id, UnitPath = unitA.Path },
                new WorkItemUnit { RegionId = D.RegionId, WorkItemId = project.Id, UnitId = unitA.Id, UnitPath = unitA.Path },
                new WorkItemUnit { RegionId = D.RegionId, WorkItemId = need.Id, UnitId = unitA.Id, UnitPath = unitA.Path });
            db.Projects.Add(new Domain.Projects.Project { RegionId = D.RegionId, WorkItemId = project.Id, Pool = Domain.Projects.ProjectPool.Implementation, TotalInvestment = 1000, Longitude = 113.3, Latitude = 28.3 });
            var review = new Review { RegionId = D.RegionId, WorkItemId = task.Id, Kind = ReviewKind.Adjustment, Status = ReviewStatus.Pending, Statement = "矩阵调整", RequestedById = chengguan.Id, RequestedByName = "城关镇", RequestedAt = DateTime.UtcNow };
            var notice = new Notice { RegionId = D.RegionId, WorkItemId = task.Id, Kind = NoticeKind.SupervisionNotice, Year = 2026, Sequence = 990, Body = "矩阵督办", AnswerBy = new DateOnly(2031, 1, 1), IssuedByName = "督查室" };
            var report = new ProgressReport { RegionId = D.RegionId, WorkItemId = task.Id, SubmittedAt = DateTime.UtcNow, SubmittedByName = "城关镇", Done = "矩阵进展" };
            db.AddRange(review, notice, report);
            var spare = new Unit { RegionId = D.RegionId, ParentId = unitB.Id, Name = "矩阵备用科室", Kind = UnitKind.Department };
            db.Units.Add(spare);
            await db.SaveChangesAsync();
            spare.Path = UnitPath.Child(unitB.Path, spare.Id);
            var person = new Person { RegionId = D.RegionId, UnitId = spare.Id, Name = "矩阵备用人员", Title = "科员" };
            var attachment = new Attachment { RegionId = D.RegionId, ProgressReportId = report.Id, WorkItemId = task.Id, FileName = "m.jpg", ContentType = "image/jpeg", Size = 1, StorageKey = "matrix/m-" + Guid.NewGuid().ToString("N") + ".jpg", Sha256 = "0", UploadedAt = DateTime.UtcNow };
            var day = new CalendarDay { RegionId = D.RegionId, Date = new DateOnly(2031, 5, 1), IsWorkday = false, Name = "矩阵假日" };
            db.AddRange(person, attachment, day);
            await db.SaveChangesAsync();
            await using (var jpeg = new MemoryStream([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]))
            {
                await scope.ServiceProvider.GetRequiredService<Web.Features.Attachments.IFileStore>().SaveAsync(attachment.StorageKey, jpeg, CancellationToken.None);
            }

            async Task<Account> NewAccountAsync(string name, int regionId, int? unitId, string role)
            {
                var account = new Account { UserName = name, DisplayName = name, RegionId = regionId, UnitId = unitId };
                Assert.True((await users.CreateAsync(account, TestData.Password)).Succeeded);
                Assert.True((await users.AddToRoleAsync(account, role)).Succeeded);
                return account;
            }

            await NewAccountAsync(OtherOffice, D.OtherRegionId, D.OtherRegionUnit, Roles.SupervisionOffice);
            await NewAccountAsync(Auditor, D.RegionId, D.RootUnitId, Roles.Auditor);
            var spareAccount = await NewAccountAsync("matrix-spare", D.RegionId, spare.Id, Roles.Viewer);
            var message = new Message { RegionId = D.RegionId, AccountId = chengguan.Id, Kind = MessageKind.Notice, Title = "矩阵", CreatedAt = DateTime.UtcNow, DedupKey = "matrix:" + Guid.NewGuid() };
            db.Messages.Add(message);
            await db.SaveChangesAsync();

            t.TaskS = task.Id;
            t.ProjectS = project.Id;
            t.ReviewS = review.Id;
            t.NoticeS = notice.Id;
            t.AttachmentS = attachment.Id;
            t.SpareUnit = spare.Id;
            t.SparePerson = person.Id;
            t.SpareAccount = spareAccount.Id;
            t.CalendarDay = day.Id;
            t.Bulletin = D.DraftBulletin;
            t.Message = message.Id;
            t.LeadS = lead.Id;
            t.FirmS = firm.Id;
            t.NeedS = need.Id;
            Prepared[app] = t;
            return t;
        }
        finally
        {
            Once.Release();
        }
    }
}

/// <summary>The matrix writes as each permitted actor, so it has a database of its own.</summary>
[CollectionDefinition(Name)]
public sealed class MatrixOnSqlite : ICollectionFixture<SqliteFactory>
{
    public const string Name = "matrix-sqlite";
}

[CollectionDefinition(Name)]
public sealed class MatrixOnPostgres : ICollectionFixture<PostgresFactory>
{
    public const string Name = "matrix-postgres";
}

[Collection(MatrixOnSqlite.Name)]
public sealed class PermissionMatrixTestsOnSqlite(SqliteFactory app) : PermissionMatrixTests(app);

[Collection(MatrixOnPostgres.Name)]
public sealed class PermissionMatrixTestsOnPostgres(PostgresFactory app) : PermissionMatrixTests(app);
