using System.ComponentModel.DataAnnotations;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Audit;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Audit;

public static class AuditApi
{
    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var audit = api.MapGroup("/audit").WithTags("Audit");

        audit.MapGet("/", async Task<Ok<AuditPage>> ([AsParameters] AuditFilter filter, HttpContext http, DubanDb db, ScopeAccessor scopes, CancellationToken ct) =>
            TypedResults.Ok(await AuditQueries.ListAsync(db, (await scopes.GetAsync(ct)).RegionId, http.User.TimeZoneOf(), filter, ct)))
            .Requires(Permission.ReadAudit);

        // anchor: a head written down earlier, "SEQUENCE:HASH", that the chain must still hold.
        audit.MapGet("/verify", async Task<Results<Ok<AuditChainState>, ValidationProblem>> ([MaxLength(200)] string? anchor, VerifyAuditChain verify, ScopeAccessor scopes, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var parsed = ChainAnchor.Parse(anchor);
            if (anchor is not null && parsed is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["anchor"] = [l["Audit.AnchorInvalid"]] });
            }

            return TypedResults.Ok(await verify.RunAsync((await scopes.GetAsync(ct)).RegionId, parsed, ct));
        }).Requires(Permission.ReadAudit);
    }
}
