using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Duban.Domain.Access;
using Duban.IntegrationTests.Infrastructure;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Duban.IntegrationTests.Contract;

/// <summary>
/// Every page's GET handler, read from the app itself, opened with absurd values in each parameter it takes from the
/// query or its route (page=2147483647, -1, a word for a number, an unknown kind, impossible dates, 10,000
/// characters) by a role that may open it: the page answers (or says not found), never with a server error, and shows
/// no validation box — a page clamps what it cannot take (docs/decisions/0019); only the API refuses.
/// </summary>
public abstract partial class PageQueryFuzzTests(DubanFactory app, ITestOutputHelper output)
{
    private TestData D => app.Data;

    [Fact]
    public async Task Every_page_takes_absurd_query_values_without_an_error_or_an_error_box()
    {
        var pages = await PagesAsync();
        Assert.NotEmpty(pages);
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        var failures = new List<string>();
        var sent = 0;
        var clock = Stopwatch.StartNew();
        foreach (var (route, handler, parameters, permission) in pages)
        {
            var user = permission switch
            {
                null => "duchashi",
                { } p when PermissionTable.AnyReach([Roles.SupervisionOffice], p) => "duchashi",
                { } p when PermissionTable.AnyReach([Roles.SystemAdmin], p) => "admin",
                { } p when PermissionTable.AnyReach([Roles.Auditor], p) => "auditor",
                { } p => PermissionTable.AnyReach([Roles.Leader], p) ? "leader" : "chengguan",
            };
            if (!clients.TryGetValue(user, out var client))
            {
                clients[user] = client = await D.SignedInClientAsync(user);
            }

            foreach (var (name, type) in parameters)
            {
                // A NUL in a path never reaches the app: the server refuses the request line.
                foreach (var value in Values(type).Where(v => !v.Contains('\0', StringComparison.Ordinal) || !InRoute(route, name)))
                {
                    var url = Url(route, handler, name, value);
                    using var response = await client.GetAsync(url);
                    sent++;
                    var status = (int)response.StatusCode;
                    var html = await response.Content.ReadAsStringAsync();
                    if (status >= 500 || status is not (200 or 302 or 403 or 404))
                    {
                        failures.Add($"{user} GET {Short(url)}: {status}");
                    }
                    else if (status == 200 && ErrorBox().Match(html) is { Success: true } box)
                    {
                        failures.Add($"{user} GET {Short(url)}: shows an error box: {Short(box.Value)}");
                    }
                }
            }
        }

        output.WriteLine($"{app.Provider}: {pages.Count} page handlers, {sent} requests in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} pages answered wrongly:\n" + string.Join("\n", failures.Take(60)));
    }

    /// <summary>Each page's GET handlers with what they bind from the request: handler parameters and SupportsGet properties (their fields too).</summary>
    private async Task<List<(string Route, string? Handler, List<(string Name, Type Type)> Parameters, Permission? Permission)>> PagesAsync()
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var descriptors = app.Services.GetRequiredService<Microsoft.AspNetCore.Mvc.Infrastructure.IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>();
        var pages = new List<(string, string?, List<(string, Type)>, Permission?)>();
        foreach (var group in descriptors.GroupBy(d => d.ViewEnginePath))
        {
            var descriptor = group.OrderBy(d => d.AttributeRouteInfo!.Template!.Length).First();
            var route = "/" + descriptor.AttributeRouteInfo!.Template!.Trim('/');
            if (route.StartsWith("/Error", StringComparison.Ordinal))
            {
                continue;
            }

            var compiled = await loader.LoadAsync(descriptor, Microsoft.AspNetCore.Http.EndpointMetadataCollection.Empty);
            var bound = new List<(string, Type)>();
            foreach (var property in compiled.BoundProperties.OfType<PageBoundPropertyDescriptor>().Where(p => p.Property.GetCustomAttribute<BindPropertyAttribute>()?.SupportsGet == true))
            {
                bound.AddRange(Simple(property.ParameterType)
                    ? [(property.Name, property.ParameterType)]
                    : property.ParameterType.GetProperties().Where(f => Simple(f.PropertyType)).Select(f => (f.Name, f.PropertyType)));
            }

            foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)))
            {
                var parameters = handler.Parameters.Where(p => Simple(p.ParameterType)).Select(p => (p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType)).Concat(bound).ToList();
                var permission = handler.MethodInfo.GetCustomAttribute<RequiresAttribute>()?.Permission ?? compiled.EndpointMetadata.OfType<RequiresAttribute>().FirstOrDefault()?.Permission;
                if (parameters.Count > 0)
                {
                    pages.Add((route, handler.Name, parameters, permission));
                }
            }
        }

        return pages;
    }

    private string Url(string route, string? handler, string name, string value)
    {
        var query = new List<string>();
        if (handler is not null)
        {
            query.Add("handler=" + handler);
        }

        var path = RouteValue().Replace(route, m =>
        {
            var key = m.Groups["name"].Value;
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return Uri.EscapeDataString(value);
            }

            return m.Groups["optional"].Success ? string.Empty : Uri.EscapeDataString(ValidRouteValue(route, key));
        }).TrimEnd('/');
        if (!InRoute(route, name))
        {
            query.Add(Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value));
        }

        return (path.Length == 0 ? "/" : path) + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query));
    }

    private static bool InRoute(string route, string name) =>
        RouteValue().Matches(route).Any(m => string.Equals(m.Groups["name"].Value, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A real item for a route the value is not tried in, so that the page gets as far as the value.</summary>
    private string ValidRouteValue(string route, string key) => key == "kind" ? "Unit" : (route.Split('/')[1] switch
    {
        "Ledgers" => D.LedgerId,
        "Tasks" => D.TaskB,
        "Projects" => D.ProjectB,
        "Units" or "Audit" => D.UnitB,
        "People" => D.PersonInB,
        "Bulletins" => D.DraftBulletin,
        "Notices" => D.NoticeB,
        "Accounts" => D.LiaisonBAccount,
        _ => 1,
    }).ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<string> Values(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == typeof(int) || plain == typeof(long))
        {
            return ["-1", "0", "2147483647", "2147483648", "abc"];
        }

        if (plain.IsEnum)
        {
            return ["99", "Nope", string.Join(',', Enum.GetNames(plain).Take(2))];
        }

        if (plain == typeof(DateOnly) || plain == typeof(DateTime))
        {
            return ["0001-01-01", "9999-12-31", "2026-02-30"];
        }

        return plain == typeof(bool) ? ["yes"] : [new string('x', 10_000), "a\u0000b"];
    }

    private static bool Simple(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        return plain.IsPrimitive || plain.IsEnum || plain == typeof(string) || plain == typeof(DateOnly) || plain == typeof(DateTime);
    }

    private static string Short(string text) => text.Length > 120 ? text[..100] + $"…({text.Length} chars)" : text;

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}?]*)?(?<optional>\?)?\}")]
    private static partial Regex RouteValue();

    /// <summary>A validation summary or field message with something in it, as Razor renders them.</summary>
    [GeneratedRegex(@"class=""[^""]*(validation-summary-errors|field-validation-error)[^""]*""[^>]*>.{0,300}", RegexOptions.Singleline)]
    private static partial Regex ErrorBox();
}

[Collection(OnSqlite.Name)]
public sealed class PageQueryFuzzTestsOnSqlite(SqliteFactory app, ITestOutputHelper output) : PageQueryFuzzTests(app, output);

[Collection(OnPostgres.Name)]
public sealed class PageQueryFuzzTestsOnPostgres(PostgresFactory app, ITestOutputHelper output) : PageQueryFuzzTests(app, output);
