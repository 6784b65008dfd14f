using System.Text.Json;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Projects;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Projects;

/// <summary>
/// An administrator uploads the region's boundary as GeoJSON; the map board draws it with no online tiles.
/// The file must be GeoJSON with polygons (a FeatureCollection, a Feature or a bare geometry) and at most 5 MB.
/// </summary>
public sealed class SaveRegionMap(DubanDb db, ScopeAccessor scopes, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private static readonly HashSet<string> Types = new(StringComparer.Ordinal) { "FeatureCollection", "Feature", "Polygon", "MultiPolygon", "GeometryCollection" };

    public async Task<Outcome<RegionMap>> RunAsync(string fileName, Stream content, long length, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = new ValidationErrors();
        if (length > MaxBytes)
        {
            errors.Add("file", l["Projects.MapTooLarge", MaxBytes / 1024 / 1024]);
            return Outcome<RegionMap>.Invalid(errors);
        }

        string text;
        using (var reader = new StreamReader(content))
        {
            text = await reader.ReadToEndAsync(ct);
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || !Types.Contains(type.GetString()!)
                || !text.Contains("Polygon", StringComparison.Ordinal))
            {
                errors.Add("file", l["Projects.MapNotGeoJson"]);
            }
        }
        catch (JsonException)
        {
            errors.Add("file", l["Projects.MapNotGeoJson"]);
        }

        if (errors.Any)
        {
            return Outcome<RegionMap>.Invalid(errors);
        }

        var scope = await scopes.GetAsync(ct);
        scope.Demand(Permission.ManageSystem);
        var map = await db.RegionMaps.FirstOrDefaultAsync(m => m.RegionId == scope.RegionId, ct);
        if (map is null)
        {
            map = new RegionMap { RegionId = scope.RegionId, GeoJson = text, FileName = fileName };
            db.RegionMaps.Add(map);
        }

        map.GeoJson = text;
        map.FileName = Path.GetFileName(fileName);
        map.UploadedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome<RegionMap>.Ok(map);
    }
}
