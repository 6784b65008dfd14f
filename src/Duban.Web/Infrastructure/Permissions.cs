using System.Reflection;
using System.Security.Claims;
using Duban.Domain.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Infrastructure;

/// <summary>
/// The permission table (<see cref="PermissionTable"/>) applied to requests: every page model and page handler
/// declares the permission it needs with this attribute, every API route with <see cref="PermissionEndpoints.Requires"/>;
/// the route is refused to roles without it before any code runs, and the use case checks it again against the
/// item (<see cref="AccessScope.Demand(Permission, Domain.Work.WorkItem)"/>). The authorization test reads these
/// declarations from the endpoint data and fails on a route or handler without one.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequiresAttribute(Permission permission) : Attribute
{
    public Permission Permission { get; } = permission;
}

public static class PermissionPolicies
{
    private const string Prefix = "Permission:";

    public static string NameOf(Permission permission) => Prefix + permission;

    // The table never changes while the app runs: the roles holding each permission, worked out once.
    private static readonly Dictionary<Permission, IReadOnlyList<string>> Holders =
        Enum.GetValues<Permission>().ToDictionary(p => p, PermissionTable.RolesWith);

    /// <summary>One policy per permission: the roles that hold it at some reach.</summary>
    public static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var permission in Enum.GetValues<Permission>())
        {
            builder.AddPolicy(NameOf(permission), p => p.RequireRole(Holders[permission]));
        }

        return builder;
    }

    public static IReadOnlyList<string> RoleNames(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Roles.All.Where(user.IsInRole).ToList();
    }

    /// <summary>Whether the signed-in person's roles grant the permission anywhere (menus, buttons; never the check itself).</summary>
    public static bool May(this ClaimsPrincipal user, Permission permission)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Holders[permission].Any(user.IsInRole);
    }
}

public static class PermissionEndpoints
{
    /// <summary>The route needs this permission: refused (403) to roles without it, and declared for the authorization test.</summary>
    public static TBuilder Requires<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.RequireAuthorization(PermissionPolicies.NameOf(permission)).WithMetadata(new RequiresAttribute(permission));
    }
}

/// <summary>
/// Razor Pages have no per-handler authorization, and the analyzers rightly refuse [Authorize] on handler
/// methods: this filter checks the page's <see cref="RequiresAttribute"/> (on the page model, or added by a
/// folder convention) and the selected handler's own, before the handler runs. A form posted to a handler the
/// page does not have is answered 404 instead of rendering the page without its model.
/// </summary>
public sealed class PermissionPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.Result = new NotFoundResult();
            return;
        }

        var user = context.HttpContext.User;
        if (!context.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            var needed = context.ActionDescriptor.EndpointMetadata.OfType<RequiresAttribute>()
                .Concat(context.HandlerMethod?.MethodInfo.GetCustomAttributes<RequiresAttribute>() ?? []);
            if (needed.FirstOrDefault(r => !user.May(r.Permission)) is { } missing)
            {
                NotPermittedHandler.Remember(context.HttpContext, missing.Permission);
                context.Result = user.Identity?.IsAuthenticated == true ? new ForbidResult() : new ChallengeResult();
                return;
            }
        }

        await next();
    }
}

/// <summary>A use case said no (<see cref="NotPermittedException"/>): the API answers 403 in the caller's language; pages show the 403 page.</summary>
public sealed class NotPermittedHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> l) : Microsoft.AspNetCore.Diagnostics.IExceptionHandler
{
    public static bool IsApi(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not NotPermittedException denied || !IsApi(httpContext))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = l["Problem.403"], Detail = Explain(l, denied.Permission) },
        });
    }

    /// <summary>Who may do it, in the user's language ("只有督查室可以审核申请…"), or a plain refusal.</summary>
    public static string Explain(IStringLocalizer l, Permission? permission)
    {
        ArgumentNullException.ThrowIfNull(l);
        return permission is { } p ? l["Permission." + p].Value : l["Problem.NotPermitted"].Value;
    }

    private const string DeniedKey = "duban:denied";

    /// <summary>The permission a page request was refused, for the 403 page to explain.</summary>
    public static void Remember(HttpContext context, Permission permission)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[DeniedKey] = permission;
    }

    public static Permission? Denied(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[DeniedKey] is Permission p ? p : null;
    }
}
