using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Duban.Web.Infrastructure;

/// <summary>ProblemDetails titles in the user's language.</summary>
public static class LocalizedProblemDetails
{
    public static void Customize(Microsoft.AspNetCore.Http.ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var l = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        var key = status switch
        {
            400 => "Problem.400",
            401 => "Problem.401",
            403 => "Problem.403",
            404 => "Problem.404",
            409 => "Problem.409",
            415 => "Problem.415",
            _ when status >= 500 => "Problem.500",
            _ => null,
        };

        // Keep a specific title a use case set; replace only the framework's English defaults.
        var title = context.ProblemDetails.Title;
        if (key is not null && (title is null || IsFrameworkDefault(title)))
        {
            context.ProblemDetails.Title = l[key];
        }

        if (context.ProblemDetails.Detail is not null && status >= 500)
        {
            context.ProblemDetails.Detail = null;
        }

        // A body of another media type is refused before any code runs; say what to send instead.
        if (status == StatusCodes.Status415UnsupportedMediaType && context.ProblemDetails.Detail is null)
        {
            context.ProblemDetails.Detail = l["Problem.UnsupportedMediaType"];
        }
    }

    private static bool IsFrameworkDefault(string title) =>
        title.StartsWith("One or more validation errors", StringComparison.Ordinal)
        || title is "Bad Request" or "Unauthorized" or "Forbidden" or "Not Found" or "Conflict" or "Unsupported Media Type"
            or "An error occurred while processing your request.";
}

public sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var l = factory.Create(typeof(SharedResource));
        var m = options.ModelBindingMessageProvider;
        m.SetValueMustNotBeNullAccessor(_ => l["Validation.Required"]);
        m.SetMissingBindRequiredValueAccessor(_ => l["Validation.Required"]);
        m.SetAttemptedValueIsInvalidAccessor((value, _) => l["Validation.InvalidValue", value]);
        m.SetUnknownValueIsInvalidAccessor(_ => l["Validation.Invalid"]);
        m.SetValueIsInvalidAccessor(value => l["Validation.InvalidValue", value]);
        m.SetValueMustBeANumberAccessor(_ => l["Validation.Number"]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["Validation.InvalidValue", value]);
        m.SetMissingKeyOrValueAccessor(() => l["Validation.Required"]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => l["Validation.Required"]);
    }
}

/// <summary>Identity's password and user-name errors in the user's language.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = l["Identity.PasswordTooShort", length] };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = l["Identity.PasswordRequiresDigit"] };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = l["Identity.PasswordRequiresLower"] };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = l["Identity.DuplicateUserName", userName] };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = l["Identity.InvalidUserName", userName ?? string.Empty] };

    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = l["Identity.PasswordMismatch"] };

    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = l["Identity.DefaultError"] };
}

/// <summary>
/// A request the API cannot read (broken JSON, a word where a number belongs, an unknown kind, a query value of the
/// wrong type, another media type) is answered with a 400 (or 415) that says which field or parameter, in the
/// caller's language, instead of an empty one. Only the framework's input errors come here; anything else stays a 500.
/// </summary>
public sealed partial class BadRequestHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> l) : Microsoft.AspNetCore.Diagnostics.IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType ? l["Problem.415"] : l["Problem.400"],
                Detail = DetailOf(bad),
            },
        });
    }

    private string DetailOf(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return l["Problem.UnsupportedMediaType"];
        }

        if (bad.InnerException is System.Text.Json.JsonException json)
        {
            var path = json.Path?.TrimStart('$', '.');
            return string.IsNullOrEmpty(path) ? l["Problem.UnreadableBody"] : l["Problem.UnreadableField", path];
        }

        // The framework's own wording names the parameter: Failed to bind parameter "int? Page" from "abc".
        var parameter = BoundParameter().Match(bad.Message);
        if (!parameter.Success)
        {
            return bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) ? l["Problem.UnreadableBody"] : l["Problem.UnreadableRequest"];
        }

        return parameter.Groups["body"].Success ? l["Problem.UnreadableBody"] : l["Problem.UnreadableParameter", parameter.Groups["name"].Value];
    }

    [System.Text.RegularExpressions.GeneratedRegex("^(?:Failed to bind|Required) parameter \"(?:[^\"]*\\s)?(?<name>[^\"\\s]+)\"(?:.*(?<body>from body))?")]
    private static partial System.Text.RegularExpressions.Regex BoundParameter();
}
