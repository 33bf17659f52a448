# Build kpmonitor for Windows: the PyInstaller folder (checked with its own --self-test), a zip of it,
# and the per-user installer made by Inno Setup.
#
#     powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [-OutDir dist] [-Python py]
#
# Needs 64-bit Python 3.11+ and Inno Setup 6.3+ (ISCC.exe on PATH or in its default folder).
param(
    [string]$OutDir = "",
    [string]$Python = "python"
)
$ErrorActionPreference = "Stop"

$root = (Resolve-Path "$PSScriptRoot\..\..").Path
if (-not $OutDir) { $OutDir = Join-Path $root "dist" }
New-Item -ItemType Directory -Force -Path $OutDir | Out-Null
$OutDir = (Resolve-Path $OutDir).Path
$work = Join-Path ([System.IO.Path]::GetTempPath()) ("kpmonitor-build-" + [guid]::NewGuid().ToString("N").Substring(0, 8))

function Invoke-Checked {
    & $args[0] $args[1..($args.Count - 1)]
    if ($LASTEXITCODE -ne 0) { throw "failed ($LASTEXITCODE): $($args -join ' ')" }
}

# Name and version come from the package itself.
Push-Location $root
$meta = & $Python -c "import kpmonitor as k; print(k.__version__); print(k.APP_ID)"
Pop-Location
$version, $appId = $meta
Write-Host "Building kpmonitor $version ($appId) in $work"

try {
    Invoke-Checked $Python -m venv "$work\venv"
    $venvPython = "$work\venv\Scripts\python.exe"
    Invoke-Checked $venvPython -m pip install --quiet --upgrade pip
    Invoke-Checked $venvPython -m pip install --quiet "$root[package]"
    # The spec freezes the checkout's own kpmonitor; an installed copy would only be a second candidate.
    Invoke-Checked $venvPython -m pip uninstall --quiet --yes kpmonitor
    Invoke-Checked "$work\venv\Scripts\pyinstaller.exe" --noconfirm --clean --log-level WARN `
        --distpath "$work\dist" --workpath "$work\build" "$root\packaging\pyinstaller\kpmonitor.spec"

    $bundle = "$work\dist\kpmonitor"
    Write-Host "Checking the frozen program:"
    $env:QT_QPA_PLATFORM = "offscreen"
    Invoke-Checked "$bundle\kpmonitor-cli.exe" --self-test
    Remove-Item Env:\QT_QPA_PLATFORM

    # The folder to unzip, for those who may not run installers.
    $zip = Join-Path $OutDir "kpmonitor-$version-windows-x64.zip"
    if (Test-Path $zip) { Remove-Item $zip }
    Compress-Archive -Path $bundle -DestinationPath $zip

    $iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
    if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
    if (-not (Test-Path $iscc)) { throw "Inno Setup 6 (ISCC.exe) was not found: install it from its website." }
    Invoke-Checked $iscc /Q "/DAppVersion=$version" "/DAppId=$appId" "/DSourceDir=$bundle" "/DOutputDir=$OutDir" `
        "$PSScriptRoot\kpmonitor.iss"

    Write-Host "Built: $zip"
    Write-Host "Built: $(Join-Path $OutDir "kpmonitor-$version-windows-x64-setup.exe")"
}
finally {
    if (Test-Path $work) { Remove-Item -Recurse -Force $work }
}
