import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { GrievanceAttachmentRow } from './attachment.entity';

/** Where attachment bytes live: files under the data folder here; an S3-compatible store would be another of these. */
export interface BlobStore {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

/** Files in one folder, written whole (temporary file, fsync, rename) so a crash never leaves half a file under a key. */
class FileBlobStore implements BlobStore {
  constructor(private readonly dir: string) {}

  async put(key: string, bytes: Buffer): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const tmp = join(this.dir, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
    const fh = await open(tmp, 'wx', 0o600);
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, join(this.dir, key));
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(join(this.dir, key));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(join(this.dir, key), { force: true });
  }
}

/** Attachment records (database) and their bytes (blob store). */
@Injectable()
export class AttachmentsStore {
  readonly blobs: BlobStore;

  constructor(
    @InjectRepository(GrievanceAttachmentRow) readonly rows: Repository<GrievanceAttachmentRow>,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.blobs = new FileBlobStore(join(config.dataDir, 'attachments'));
  }

  list(grievanceId: string): Promise<GrievanceAttachmentRow[]> {
    return this.rows.find({ where: { grievanceId }, order: { seq: 'ASC' } });
  }

  find(grievanceId: string, id: string): Promise<GrievanceAttachmentRow | null> {
    return this.rows.findOne({ where: { grievanceId, id } });
  }

  /** A fresh random file name: it says nothing about the grievance or its reporter. */
  static newKey(): string {
    return randomBytes(24).toString('base64url');
  }
}
