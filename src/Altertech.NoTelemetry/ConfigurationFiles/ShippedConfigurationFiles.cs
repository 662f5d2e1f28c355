using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Altertech.NoTelemetry.ConfigurationFiles;

/// <summary>How a configuration file is read.</summary>
internal enum ConfigFileFormat
{
    /// <summary>Not a configuration file the analyzers read.</summary>
    None,

    Json,

    Xml,
}

/// <summary>
/// Which additional files are a product's shipped configuration: by name (<c>appsettings*.json</c>, <c>nlog.config</c>,
/// <c>log4net.config</c>, <c>ApplicationInsights.config</c>, <c>App.config</c>, <c>Web.config</c>), or by the item
/// metadata <c>NoTelemetryConfiguration</c>, which the package's targets make visible to the compiler: <c>true</c> reads
/// a file of any name (JSON when it ends in <c>.json</c>, XML otherwise), <c>false</c> none.
/// </summary>
internal static class ShippedConfigurationFiles
{
    /// <summary>The item metadata, as the compiler's analyzer config options show it for an additional file.</summary>
    public const string MetadataKey = "build_metadata.AdditionalFiles.NoTelemetryConfiguration";

    private static readonly string[] s_xmlNames = { "nlog.config", "log4net.config", "ApplicationInsights.config", "App.config", "Web.config" };

    public static ConfigFileFormat FormatOf(AdditionalText file, AnalyzerOptions options)
    {
        var name = Path.GetFileName(file.Path);
        if (options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(MetadataKey, out var marked) && marked.Trim().Length > 0)
        {
            if (string.Equals(marked.Trim(), "false", StringComparison.OrdinalIgnoreCase))
            {
                return ConfigFileFormat.None;
            }

            if (string.Equals(marked.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                return name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ConfigFileFormat.Json : ConfigFileFormat.Xml;
            }
        }

        return FormatOf(name);
    }

    /// <summary>The format of a file read by its name alone.</summary>
    public static ConfigFileFormat FormatOf(string fileName)
    {
        if (fileName.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return ConfigFileFormat.Json;
        }

        foreach (var xml in s_xmlNames)
        {
            if (string.Equals(fileName, xml, StringComparison.OrdinalIgnoreCase))
            {
                return ConfigFileFormat.Xml;
            }
        }

        return ConfigFileFormat.None;
    }

    public static ConfigDocument Read(AdditionalText file, ConfigFileFormat format, System.Threading.CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken) ?? Microsoft.CodeAnalysis.Text.SourceText.From(string.Empty);
        return format == ConfigFileFormat.Json
            ? JsonConfigurationReader.Read(file.Path, text, cancellationToken)
            : XmlConfigurationReader.Read(file.Path, text, cancellationToken);
    }
}
