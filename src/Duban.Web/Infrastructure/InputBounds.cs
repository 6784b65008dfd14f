using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Infrastructure;

/// <summary>
/// What every API input is held to before its route runs, in one place (docs/decisions/0019): a query or form value
/// within the bounds its parameter declares (<see cref="RangeAttribute"/>, <see cref="MaxLengthAttribute"/>, which the
/// contract shows as minimum, maximum and maxLength); an enum in a query by one of its names; every date, in the query
/// and anywhere in a body, within <see cref="FirstDay"/>..<see cref="LastDay"/>; every number in a body finite; no text
/// with control characters (PostgreSQL cannot store a NUL, and no person types one).
/// Anything else is answered 400 with each field's error in the caller's language, and the route never runs.
/// Pages do not refuse: they clamp (<see cref="Page"/>), because a person following a stale link should get a page.
/// </summary>
public static class InputBounds
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    /// <summary>No date outside these is a plausible deadline, report, holiday or bulletin day in Duban.</summary>
    public static readonly DateOnly FirstDay = new(FirstYear, 1, 1);

    public static readonly DateOnly LastDay = new(LastYear, 12, 31);

    /// <summary>The highest page number any list answers; with the largest page size it still fits an int offset.</summary>
    public const int MaxPage = 10_000;

    /// <summary>The page a page (not the API) shows for a requested number: 1 when absent or absurd, at most <see cref="MaxPage"/>.</summary>
    public static int Page(int? requested) => Math.Clamp(requested ?? 1, 1, MaxPage);

    /// <summary>A year a page shows: the asked one when plausible, else the fallback (this year).</summary>
    public static int Year(int? requested, int fallback) => requested is >= FirstYear and <= LastYear ? requested.Value : fallback;

    public static bool IsPlausible(DateOnly day) => day >= FirstDay && day <= LastDay;

    /// <summary>Text a person could have typed: no control characters but tab and line breaks.</summary>
    public static bool IsText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return !text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));
    }

    /// <summary>The same checks for an input a route reads itself (a multipart form); null when it passes.</summary>
    public static ValidationErrors? Check(object input, IStringLocalizer l)
    {
        var errors = new ValidationErrors();
        CheckBody(input, string.Empty, depth: 0, errors, l);
        return errors.Any ? errors : null;
    }

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>The endpoint filter, added once to the API's route group.</summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var checks = new List<Bound>();
        var parameters = context.MethodInfo.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var type = parameter.ParameterType;
            if (IsFromServer(type) || services?.IsService(type) == true || parameter.IsDefined(typeof(Microsoft.AspNetCore.Mvc.FromServicesAttribute)))
            {
                continue;
            }

            if (parameter.IsDefined(typeof(AsParametersAttribute)))
            {
                foreach (var property in PropertiesOf(type))
                {
                    checks.Add(new Bound(i, property.Name, property.PropertyType, property, Attribute<RangeAttribute>(property), Attribute<MaxLengthAttribute>(property), Body: false));
                }
            }
            else
            {
                checks.Add(new Bound(i, parameter.Name!, type, null, Attribute<RangeAttribute>(parameter), Attribute<MaxLengthAttribute>(parameter), Body: IsComplex(type)));
            }
        }

        if (checks.Count == 0)
        {
            return next;
        }

        return async invocation =>
        {
            var errors = new ValidationErrors();
            var l = invocation.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            foreach (var check in checks)
            {
                var argument = invocation.Arguments[check.Index];
                if (check.Body)
                {
                    CheckBody(argument, string.Empty, depth: 0, errors, l);
                    continue;
                }

                var value = check.Property is { } property ? (argument is null ? null : property.GetValue(argument)) : argument;
                CheckValue(check, value, invocation.HttpContext.Request, errors, l);
            }

            if (errors.Any)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }

            return await next(invocation);
        };
    }

    /// <summary>One value a route takes from the request: a parameter, or a property of an [AsParameters] record; or a whole body.</summary>
    private sealed record Bound(int Index, string Name, Type Type, PropertyInfo? Property, RangeAttribute? Range, MaxLengthAttribute? MaxLength, bool Body);

    private static void CheckValue(Bound check, object? value, HttpRequest request, ValidationErrors errors, IStringLocalizer l)
    {
        var name = check.Name;
        var plain = Nullable.GetUnderlyingType(check.Type) ?? check.Type;

        // Minimal APIs read enums with Enum.TryParse, which also takes numbers and comma lists.
        if (plain.IsEnum && request.Query.TryGetValue(name, out var raw) && raw.ToString() is { Length: > 0 } text
            && !StrictEnumConverter.IsName(plain, text))
        {
            errors.Add(name, l["Validation.Invalid"]);
            return;
        }

        switch (value)
        {
            case null:
                return;
            case DateOnly day when !IsPlausible(day):
                errors.Add(name, DateWindow(l));
                return;
            case string s when check.MaxLength is { } max && s.Length > max.Length:
                errors.Add(name, l["Validation.MaxLength", max.Length]);
                return;
            case string s when !IsText(s):
                errors.Add(name, l["Validation.ControlCharacters"]);
                return;
        }

        if (check.Range is { } range && value is IConvertible number)
        {
            var n = number.ToDecimal(CultureInfo.InvariantCulture);
            var min = Convert.ToDecimal(range.Minimum, CultureInfo.InvariantCulture);
            var max = Convert.ToDecimal(range.Maximum, CultureInfo.InvariantCulture);
            if (n < min || n > max)
            {
                errors.Add(name, l["Validation.Range", range.Minimum, range.Maximum]);
            }
        }
    }

    /// <summary>Every date and number of a body, however deep (milestones inside a task), named as the use cases name fields.</summary>
    private static void CheckBody(object? value, string path, int depth, ValidationErrors errors, IStringLocalizer l)
    {
        if (value is null || depth > 4)
        {
            return;
        }

        switch (value)
        {
            case DateOnly day when !IsPlausible(day):
                errors.Add(path, DateWindow(l));
                return;
            case double d when !double.IsFinite(d):
            case float f when !float.IsFinite(f):
                errors.Add(path, l["Validation.Number"]);
                return;
            case string s when !IsText(s):
                errors.Add(path, l["Validation.ControlCharacters"]);
                return;
            case string or IFormFile:
                return;
            case IEnumerable list:
                var i = 0;
                foreach (var item in list)
                {
                    CheckBody(item, $"{path}[{i++}]", depth + 1, errors, l);
                }

                return;
        }

        if (!IsComplex(value.GetType()))
        {
            return;
        }

        foreach (var property in PropertiesOf(value.GetType()))
        {
            CheckBody(property.GetValue(value), path.Length == 0 ? property.Name : path + "." + property.Name, depth + 1, errors, l);
        }
    }

    private static string DateWindow(IStringLocalizer l) =>
        l["Validation.DateWindow", FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];

    private static PropertyInfo[] PropertiesOf(Type type) =>
        Properties.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToArray());

    /// <summary>Our own input types (records of the app), not framework or primitive types.</summary>
    private static bool IsComplex(Type type) =>
        type.IsClass && type != typeof(string) && type.Assembly == typeof(InputBounds).Assembly;

    private static bool IsFromServer(Type type) =>
        type == typeof(HttpContext) || type == typeof(HttpRequest) || type == typeof(HttpResponse) || type == typeof(CancellationToken)
        || type == typeof(System.Security.Claims.ClaimsPrincipal) || typeof(Stream).IsAssignableFrom(type);

    private static T? Attribute<T>(ICustomAttributeProvider provider)
        where T : Attribute => provider.GetCustomAttributes(typeof(T), inherit: true).OfType<T>().FirstOrDefault();
}

/// <summary>
/// Pages take a query value no person could have typed (a NUL, a control character) as absent, as they take any value
/// they cannot read; the database never sees it (PostgreSQL refuses a NUL outright). The API refuses it instead.
/// </summary>
public static class UntypeableQuery
{
    public static Task DropAsync(HttpContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var query = context.Request.Query;
        if (query.Any(q => q.Value.Any(v => v is not null && !InputBounds.IsText(v))))
        {
            context.Request.QueryString = QueryString.Create(query
                .Where(q => q.Value.All(v => v is null || InputBounds.IsText(v)))
                .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))));
        }

        return next();
    }
}

/// <summary>
/// A page read with GET shows no validation errors for its query: a value it cannot read (page=abc, a light that does
/// not exist) is taken as absent, and the lists clamp what they can (<see cref="InputBounds.Page"/>) — a stale or
/// hand-edited link gets a page, not a red box. Errors a handler adds itself, after binding, still show.
/// </summary>
public sealed class GetIgnoresUnreadableQuery : Microsoft.AspNetCore.Mvc.Filters.IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            context.ModelState.Clear();
        }

        return next();
    }
}
